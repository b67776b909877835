using System.Collections.Frozen;

namespace MeshNode.Protocol.Noise;

/// <summary>
/// A Noise handshake pattern: pre-messages and the token list of each message (rev 34, section 7).
/// Message i is written by the initiator when i is even and by the responder when i is odd. All
/// one-way (N, K, X) and fundamental interactive patterns (section 7.4 and 7.5) are defined.
/// </summary>
public sealed class NoisePattern
{
    private static readonly FrozenDictionary<string, NoisePattern> Known = new NoisePattern[]
    {
        new("N", [], [NoiseToken.S], [[NoiseToken.E, NoiseToken.ES]]),
        new("K", [NoiseToken.S], [NoiseToken.S], [[NoiseToken.E, NoiseToken.ES, NoiseToken.SS]]),
        new("X", [], [NoiseToken.S], [[NoiseToken.E, NoiseToken.ES, NoiseToken.S, NoiseToken.SS]]),
        new("NN", [], [], [[NoiseToken.E], [NoiseToken.E, NoiseToken.EE]]),
        new("NK", [], [NoiseToken.S], [[NoiseToken.E, NoiseToken.ES], [NoiseToken.E, NoiseToken.EE]]),
        new("NX", [], [], [[NoiseToken.E], [NoiseToken.E, NoiseToken.EE, NoiseToken.S, NoiseToken.ES]]),
        new("KN", [NoiseToken.S], [], [[NoiseToken.E], [NoiseToken.E, NoiseToken.EE, NoiseToken.SE]]),
        new("KK", [NoiseToken.S], [NoiseToken.S], [[NoiseToken.E, NoiseToken.ES, NoiseToken.SS], [NoiseToken.E, NoiseToken.EE, NoiseToken.SE]]),
        new("KX", [NoiseToken.S], [], [[NoiseToken.E], [NoiseToken.E, NoiseToken.EE, NoiseToken.SE, NoiseToken.S, NoiseToken.ES]]),
        new("XN", [], [], [[NoiseToken.E], [NoiseToken.E, NoiseToken.EE], [NoiseToken.S, NoiseToken.SE]]),
        new("XK", [], [NoiseToken.S], [[NoiseToken.E, NoiseToken.ES], [NoiseToken.E, NoiseToken.EE], [NoiseToken.S, NoiseToken.SE]]),
        new("XX", [], [], [[NoiseToken.E], [NoiseToken.E, NoiseToken.EE, NoiseToken.S, NoiseToken.ES], [NoiseToken.S, NoiseToken.SE]]),
        new("IN", [], [], [[NoiseToken.E, NoiseToken.S], [NoiseToken.E, NoiseToken.EE, NoiseToken.SE]]),
        new("IK", [], [NoiseToken.S], [[NoiseToken.E, NoiseToken.ES, NoiseToken.S, NoiseToken.SS], [NoiseToken.E, NoiseToken.EE, NoiseToken.SE]]),
        new("IX", [], [], [[NoiseToken.E, NoiseToken.S], [NoiseToken.E, NoiseToken.EE, NoiseToken.SE, NoiseToken.S, NoiseToken.ES]]),
    }.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);

    private NoisePattern(string name, NoiseToken[] initiatorPreMessage, NoiseToken[] responderPreMessage, NoiseToken[][] messages)
    {
        Name = name;
        InitiatorPreMessage = initiatorPreMessage;
        ResponderPreMessage = responderPreMessage;
        Messages = messages;
    }

    /// <summary>The pattern's name as it appears in protocol names ("XX").</summary>
    public string Name { get; }

    /// <summary>Public keys of the initiator known to the responder in advance (e, s or both).</summary>
    public IReadOnlyList<NoiseToken> InitiatorPreMessage { get; }

    /// <summary>Public keys of the responder known to the initiator in advance.</summary>
    public IReadOnlyList<NoiseToken> ResponderPreMessage { get; }

    /// <summary>The token list of each handshake message, in order.</summary>
    public IReadOnlyList<IReadOnlyList<NoiseToken>> Messages { get; }

    /// <summary>True when only the initiator ever sends (N, K, X).</summary>
    public bool IsOneWay => Messages.Count == 1;

    /// <summary>The Noise_XX pattern used for links.</summary>
    public static NoisePattern XX => Known["XX"];

    /// <summary>Looks a pattern up by name; returns false for unknown names.</summary>
    public static bool TryGet(string name, out NoisePattern pattern) =>
        Known.TryGetValue(name, out pattern!);

    /// <summary>True when the given side needs its own static key for this pattern.</summary>
    public bool NeedsLocalStatic(bool initiator) =>
        (initiator ? InitiatorPreMessage : ResponderPreMessage).Contains(NoiseToken.S)
        || SentBy(initiator).Any(tokens => tokens.Contains(NoiseToken.S))
        || Messages.Any(tokens => tokens.Contains(initiator ? NoiseToken.SE : NoiseToken.ES) || tokens.Contains(NoiseToken.SS));

    /// <summary>True when the given side must know the peer's static key before the handshake.</summary>
    public bool NeedsRemoteStaticUpFront(bool initiator) =>
        (initiator ? ResponderPreMessage : InitiatorPreMessage).Contains(NoiseToken.S);

    private IEnumerable<IReadOnlyList<NoiseToken>> SentBy(bool initiator) =>
        Messages.Where((_, i) => (i % 2 == 0) == initiator);
}
