namespace MeshNode.Protocol.Envelopes;

/// <summary>
/// How an envelope's body is protected beyond the links' own Noise encryption (wire enum
/// <c>Protection</c>). Signed by the origin, so a relay cannot downgrade it; show it with every
/// message and never fall back silently from a stronger level.
/// </summary>
public enum EnvelopeProtection
{
    /// <summary>Body in clear inside the envelope: every relay can read it.</summary>
    Link = 1,

    /// <summary>Body is a Fernet token under the network key: only nodes with the passphrase read it.</summary>
    Network = 2,

    /// <summary>Body is sealed to the destination's X25519 key: only the destination reads it.</summary>
    EndToEnd = 3,
}
