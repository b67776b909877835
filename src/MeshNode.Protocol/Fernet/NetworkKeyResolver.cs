using System.Security.Cryptography;
using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Fernet;

/// <summary>
/// How a node that knows the passphrase but not the salt joins its network (docs/protocol.md,
/// section 5): for each (salt, tag) pair heard in announces it derives the key at most once per
/// salt and for at most <c>mesh.network.max-salt-trials</c> distinct salts, so forged announces
/// cannot make it burn CPU, and adopts the first salt whose derived tag matches. Each derivation
/// blocks for the PBKDF2 time (about a second at the default): call it off any actor's thread.
/// Not thread-safe. Keeps a copy of the passphrase, zeroed on dispose.
/// </summary>
public sealed class NetworkKeyResolver : IDisposable
{
    /// <summary>Setting that bounds the distinct salts tried.</summary>
    public const string MaxSaltTrialsSetting = "mesh.network.max-salt-trials";

    private readonly char[] _passphrase;
    private readonly int _iterations;
    private readonly HashSet<string> _triedSalts = new(StringComparer.Ordinal);
    private readonly int _maxTrials;

    /// <summary>Creates a resolver for <paramref name="passphrase"/>.</summary>
    /// <param name="passphrase">The network passphrase (copied).</param>
    /// <param name="maxTrials">From <c>mesh.network.max-salt-trials</c> (default 4).</param>
    /// <param name="iterations">From <c>mesh.security.pbkdf2-iterations</c>.</param>
    public NetworkKeyResolver(ReadOnlySpan<char> passphrase, int maxTrials = 4, int iterations = NetworkKey.DefaultIterations)
    {
        if (passphrase.IsEmpty)
        {
            throw new ArgumentException("The network passphrase is empty.", nameof(passphrase));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxTrials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, NetworkKey.MinIterations);
        _passphrase = passphrase.ToArray();
        _maxTrials = maxTrials;
        _iterations = iterations;
    }

    /// <summary>Distinct salts that may still be tried.</summary>
    public int TrialsLeft => _maxTrials - _triedSalts.Count;

    /// <summary>
    /// The key when <paramref name="salt"/> with this passphrase gives <paramref name="tag"/>; null when it
    /// does not, when this salt was tried before, or when no trials are left (no derivation then).
    /// The caller owns (and disposes) a returned key.
    /// </summary>
    public NetworkKey? TryResolve(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> tag)
    {
        if (salt.Length != NetworkKey.SaltSize || tag.Length != NetworkKey.TagSize || TrialsLeft <= 0
            || !_triedSalts.Add(Convert.ToHexString(salt)))
        {
            return null;
        }

        var key = NetworkKey.Derive(_passphrase, salt, _iterations);
        if (key.MatchesTag(tag))
        {
            return key;
        }

        key.Dispose();
        return null;
    }

    /// <summary>Creates a new network: a fresh random salt and its key (the caller persists <see cref="NetworkKey.Salt"/>).</summary>
    public NetworkKey CreateNetwork(IRandomSource random) => NetworkKey.Derive(_passphrase, NetworkKey.NewSalt(random), _iterations);

    /// <summary>Zeroes the passphrase copy.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_passphrase.AsSpan()));
}
