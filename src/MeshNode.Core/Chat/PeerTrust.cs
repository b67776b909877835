using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>
/// Trust on first use as the chat actor applies it to its <see cref="PeerDirectory"/>: which peers'
/// messages are flagged, when a <see cref="KeyChanged"/> event is due, and whom a <c>/trust</c>
/// means. The store stays the authority (its verdicts arrive as <see cref="KeyChangeSeen"/> and
/// <see cref="PeerKeyAccepted"/>); this class only keeps the in-memory flags in step with it.
/// Owned by the chat actor: not thread-safe.
/// </summary>
internal sealed class PeerTrust(PeerDirectory peers)
{
    /// <summary>
    /// Called after a peer was learned: a node seen for the first time under a known peer's name is
    /// flagged at once, so no message slips through unflagged before the store's verdict arrives.
    /// </summary>
    public void Learned(PeerEntry entry, bool isNew)
    {
        if (isNew && peers.All.Any(p => p.Id != entry.Id && string.Equals(p.Name, entry.Name, StringComparison.OrdinalIgnoreCase)))
        {
            entry.KeyChanged = true;
        }
    }

    /// <summary>Applies the store's key-change verdict; returns the event to publish, or null when it was already announced or trusted since.</summary>
    public KeyChanged? OnKeyChangeSeen(KeyChangeSeen seen, DateTimeOffset now)
    {
        var changed = new KeyChanged(now, seen.Id.ToString(), seen.Name, seen.OldFingerprint, seen.NewFingerprint);
        if (peers.Find(seen.Id) is not { } entry)
        {
            return changed;
        }

        if (entry.TrustedFingerprint == PeerTable.Normalize(seen.NewFingerprint))
        {
            // A check queued before the user's /trust: the key is trusted now.
            return null;
        }

        entry.KeyChanged = true;
        if (entry.ChangedFingerprint == seen.NewFingerprint)
        {
            // Loud once per new key, not at every re-sighting (link-state arrives every few seconds).
            return null;
        }

        entry.ChangedFingerprint = seen.NewFingerprint;
        return changed;
    }

    /// <summary>The store holds the peer's key as pinned or trusted: its messages are no longer flagged.</summary>
    public void OnAccepted(PeerKeyAccepted accepted)
    {
        if (peers.Find(accepted.Id) is { } entry)
        {
            entry.KeyChanged = false;
            entry.ChangedFingerprint = null;
        }
    }

    /// <summary>
    /// The peer a <c>/trust NAME FINGERPRINT</c> means. Two peers may share the name when a known
    /// name came back with a new key: the fingerprint says which one the user checked.
    /// </summary>
    /// <returns>The peer and the normalized fingerprint.</returns>
    /// <exception cref="NodeCommandException">No fingerprint, nobody by that name or id, or a shared name with no peer of that fingerprint.</exception>
    public (PeerEntry Peer, string Fingerprint) Resolve(TrustPeer command)
    {
        var wanted = PeerTable.Normalize(command.Fingerprint ?? string.Empty);
        if (wanted.Length is 0 or > 128)
        {
            throw new NodeCommandException("/trust needs the peer's full fingerprint, as `meshnode identity` prints it on their machine.");
        }

        var candidates = peers.ResolveAll(command.NameOrId);
        if (candidates.Count == 1)
        {
            return (candidates[0], wanted);
        }

        var matching = candidates.Where(p => PeerTable.Normalize(Fingerprint.Of(p.IdentityKey.Span)) == wanted).ToArray();
        return matching.Length == 1
            ? (matching[0], wanted)
            : throw new NodeCommandException($"That fingerprint is not the current key of any of the {candidates.Count} peers called '{command.NameOrId.Trim()}': nothing was trusted.");
    }

    /// <summary>The user trusted <paramref name="peer"/>'s current key: clear its flag for later messages.</summary>
    public static void Trusted(PeerEntry peer, string fingerprint)
    {
        peer.KeyChanged = false;
        peer.ChangedFingerprint = null;
        peer.TrustedFingerprint = fingerprint;
    }
}
