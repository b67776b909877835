using System.Security.Cryptography;
using MeshNode.Config;

namespace MeshNode.Core.Store;

/// <summary>Bounds and naming of the store.</summary>
public sealed record MeshStoreSettings
{
    /// <summary>The defaults.</summary>
    public static MeshStoreSettings Default { get; } = new();

    /// <summary>
    /// The defaults with the node's configured bounds: <see cref="MaxOutboxPerDestination"/> from
    /// <c>mesh.router.store-and-forward-queue-size</c> (0 keeps nothing for an away destination).
    /// Front ends open the store with this.
    /// </summary>
    public static MeshStoreSettings From(MeshSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Default with { MaxOutboxPerDestination = settings.Router.StoreAndForwardQueueSize };
    }

    /// <summary>The database file name inside the profile folder.</summary>
    public string FileName { get; init; } = "meshnode.db";

    /// <summary>Messages kept per conversation; the oldest are deleted beyond it.</summary>
    public int MaxHistoryPerConversation { get; init; } = 10_000;

    /// <summary>Envelopes queued per destination (0: none); enqueueing more returns <see cref="OutboxEnqueueResult.Full"/>.</summary>
    public int MaxOutboxPerDestination { get; init; } = 1_000;

    /// <summary>Largest envelope the outbox accepts, in bytes.</summary>
    public int MaxEnvelopeBytes { get; init; } = 256 * 1024;

    /// <summary>Largest page a history or outbox query returns.</summary>
    public int MaxPageSize { get; init; } = 1_000;

    /// <summary>
    /// Turns an identity key into the fingerprint users compare and pass to
    /// <see cref="IMeshStore.TrustAsync"/>: by default the protocol's fingerprint of a 32-byte key
    /// (<see cref="Protocol.Identity.Fingerprint.Of"/>, what <c>meshnode identity</c> prints and
    /// people read aloud), the lowercase hex SHA-256 of a key of another length. Comparison ignores
    /// case, spaces, ':' and '-'.
    /// </summary>
    public Func<byte[], string> Fingerprint { get; init; } = key =>
        key.Length == Protocol.Crypto.Ed25519.PublicKeySize ? Protocol.Identity.Fingerprint.Of(key) : Convert.ToHexStringLower(SHA256.HashData(key));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(FileName) || FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || FileName.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{nameof(FileName)} must be a plain file name (is '{FileName}').");
        }

        if (MaxHistoryPerConversation < 1 || MaxEnvelopeBytes < 1 || MaxPageSize < 1)
        {
            throw new ArgumentException(
                $"{nameof(MaxHistoryPerConversation)}, {nameof(MaxEnvelopeBytes)} and {nameof(MaxPageSize)} must be at least 1.");
        }

        if (MaxOutboxPerDestination < 0)
        {
            throw new ArgumentException($"{nameof(MaxOutboxPerDestination)} must be at least 0 (is {MaxOutboxPerDestination}).");
        }

        ArgumentNullException.ThrowIfNull(Fingerprint);
    }
}
