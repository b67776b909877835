using MeshNode.Protocol.Fernet;

namespace MeshNode.Core.Discovery;

/// <summary>
/// What <see cref="NetworkSaltLearner.LearnAsync"/> found: the key of the network heard (null when
/// none matched the passphrase) and counts for the user's notice.
/// </summary>
/// <param name="Key">The adopted network key (the caller owns and disposes it), or null.</param>
/// <param name="Announces">Valid passphrase-network announces heard.</param>
/// <param name="SaltsTried">Distinct salts derived (each one PBKDF2 run).</param>
/// <param name="Refused">Datagrams refused (forged, malformed, stale, oversized).</param>
/// <param name="TrialsExhausted">True when <c>mesh.network.max-salt-trials</c> salts were tried without a match.</param>
public sealed record SaltLearning(NetworkKey? Key, int Announces, int SaltsTried, int Refused, bool TrialsExhausted);
