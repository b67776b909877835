using System.Text;

namespace MeshNode.Protocol.Handshake;

/// <summary>The domain-separation strings of the link handshake (docs/protocol.md, "Link handshake").</summary>
internal static class LinkDomains
{
    /// <summary>Prologue prefix; the network tag follows it.</summary>
    public static readonly byte[] Prologue = Encoding.ASCII.GetBytes("meshnode/v1");

    /// <summary>Prefix of the identity's signature over the Noise static public key.</summary>
    public static readonly byte[] NoiseStatic = Encoding.ASCII.GetBytes("meshnode/v1/noise-static");

    /// <summary>Role byte of a proof written by the initiator ('I').</summary>
    public const byte InitiatorRole = 0x49;

    /// <summary>Role byte of a proof written by the responder ('R').</summary>
    public const byte ResponderRole = 0x52;

    /// <summary>prefix || value, for signing and MAC inputs.</summary>
    public static byte[] Concat(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> value)
    {
        var result = new byte[prefix.Length + value.Length];
        prefix.CopyTo(result);
        value.CopyTo(result.AsSpan(prefix.Length));
        return result;
    }
}
