namespace MeshNode.Core.Node;

/// <summary>A node command could not be carried out (unknown peer, empty text, fingerprint mismatch...).</summary>
public sealed class NodeCommandException : Exception
{
    /// <summary>Creates the exception with a message fit to show the user.</summary>
    public NodeCommandException(string message)
        : base(message)
    {
    }
}
