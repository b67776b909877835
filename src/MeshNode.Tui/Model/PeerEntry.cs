using MeshNode.Core.Node;

namespace MeshNode.Tui.Model;

/// <summary>A peer as the peers pane shows it; names and fingerprints are already cleaned.</summary>
internal sealed record PeerEntry(
    string NodeId,
    string Name,
    string ShortFingerprint,
    int? Hops,
    TimeSpan? Rtt,
    bool Online,
    bool Linked,
    PeerTrust Trust)
{
    /// <summary>Converts the node's view, cleaning every peer-supplied string.</summary>
    public static PeerEntry From(PeerView view) => new(
        TextSanitizer.Line(view.NodeId, 128),
        TextSanitizer.Name(view.Name, ShortId(view.NodeId)),
        TextSanitizer.Line(view.ShortFingerprint, 16),
        view.Hops,
        view.Rtt,
        view.Online,
        view.Linked,
        ParseTrust(view.Trust));

    /// <summary>"pinned", "verified", "key-changed" (also "changed"), anything else unknown.</summary>
    public static PeerTrust ParseTrust(string? trust) => trust?.Trim().ToLowerInvariant() switch
    {
        "pinned" => PeerTrust.Pinned,
        "verified" or "trusted" => PeerTrust.Verified,
        "key-changed" or "changed" or "changed-key" => PeerTrust.ChangedKey,
        _ => PeerTrust.Unknown,
    };

    /// <summary>The first 8 characters of an id, a fallback when a peer has no usable name.</summary>
    public static string ShortId(string? nodeId)
    {
        var clean = TextSanitizer.Line(nodeId, 64);
        return clean.Length <= 8 ? clean : clean[..8];
    }
}
