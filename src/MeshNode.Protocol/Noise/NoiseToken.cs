namespace MeshNode.Protocol.Noise;

/// <summary>The tokens of a Noise message pattern (rev 34, section 7.1); PSK tokens are not supported.</summary>
public enum NoiseToken
{
    /// <summary>The sender's ephemeral public key, in clear.</summary>
    E,

    /// <summary>The sender's static public key, encrypted once a key exists.</summary>
    S,

    /// <summary>DH(initiator ephemeral, responder ephemeral).</summary>
    EE,

    /// <summary>DH(initiator ephemeral, responder static).</summary>
    ES,

    /// <summary>DH(initiator static, responder ephemeral).</summary>
    SE,

    /// <summary>DH(initiator static, responder static).</summary>
    SS,
}
