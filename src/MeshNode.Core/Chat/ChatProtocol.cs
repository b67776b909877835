namespace MeshNode.Core.Chat;

// Commands of the chat actor. Each is answered with a Node.SendOutcome or a Status.Failure
// holding a Node.NodeCommandException.

/// <summary>Send <paramref name="Text"/> to everyone.</summary>
internal sealed record SendToAll(string Text);

/// <summary>Send <paramref name="Text"/> to the node named or identified by <paramref name="NameOrId"/>, sealed end to end.</summary>
internal sealed record SendDirect(string NameOrId, string Text);

/// <summary>Asks for the peers this node knows; answered with a list of <see cref="Node.PeerView"/>.</summary>
internal sealed record GetPeers
{
    /// <summary>The one instance.</summary>
    public static readonly GetPeers Instance = new();
}

/// <summary>Marks a peer's current key as trusted after the user compared fingerprints; answered with a Store.TrustResult.</summary>
internal sealed record TrustPeer(string NameOrId, string Fingerprint);

/// <summary>The store saw a known peer with a new key, or a new node under a known peer's name (sent by the persistence helper to the chat actor).</summary>
internal sealed record KeyChangeSeen(Protocol.Identity.NodeId Id, string Name, string OldFingerprint, string NewFingerprint);

/// <summary>The store holds the peer's presented key as pinned or trusted: its messages are not flagged.</summary>
internal sealed record PeerKeyAccepted(Protocol.Identity.NodeId Id);
