using System.Text;

namespace MeshNode.Protocol.Identity;

/// <summary>
/// Binds a node's X25519 sealing key to its Ed25519 identity: signature =
/// Ed25519(identity, "meshnode/v1/sealing-key" || sealing public key). Peers that learn a sealing
/// key from anyone but its owner check it with <see cref="Verify"/> before sealing to it.
/// </summary>
public static class SealingKeyBinding
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("meshnode/v1/sealing-key");

    /// <summary>True when <paramref name="signature"/> binds <paramref name="sealingPublicKey"/> to <paramref name="identityPublicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> identityPublicKey, ReadOnlySpan<byte> sealingPublicKey, ReadOnlySpan<byte> signature) =>
        sealingPublicKey.Length == Crypto.X25519.KeySize
        && Crypto.Ed25519.Verify(identityPublicKey, SignedBytes(sealingPublicKey), signature);

    internal static byte[] SignedBytes(ReadOnlySpan<byte> sealingPublicKey)
    {
        var bytes = new byte[Domain.Length + sealingPublicKey.Length];
        Domain.CopyTo(bytes, 0);
        sealingPublicKey.CopyTo(bytes.AsSpan(Domain.Length));
        return bytes;
    }
}
