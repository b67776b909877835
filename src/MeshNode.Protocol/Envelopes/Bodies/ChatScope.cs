namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Whether a chat message went to everyone or to one node (wire enum <c>ChatScope</c>).</summary>
public enum ChatScope
{
    /// <summary>Not set (treated as malformed).</summary>
    Unspecified = 0,

    /// <summary>Broadcast to everyone; envelope destination empty.</summary>
    All = 1,

    /// <summary>To one node; envelope destination set, normally end-to-end sealed.</summary>
    Direct = 2,
}
