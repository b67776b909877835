using System.Security.Cryptography;
using System.Text;

namespace MeshNode.Protocol.Identity;

/// <summary>
/// A fingerprint people read aloud to compare keys: the first 20 bytes of SHA-256(Ed25519 public
/// key) in Crockford base32 (digits and lowercase letters without i, l, o, u), 32 characters in 8
/// groups of 4 separated by spaces, e.g. <c>"7k3m 9qpa x2df ..."</c>. The short form is the first
/// two groups (40 bits): enough to tell peers apart on screen, not to authenticate them.
/// </summary>
public static class Fingerprint
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int Bytes = 20;

    /// <summary>The full fingerprint of an identity public key.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static string Of(ReadOnlySpan<byte> identityPublicKey)
    {
        if (identityPublicKey.Length != Crypto.Ed25519.PublicKeySize)
        {
            throw new ArgumentException("An identity public key is 32 bytes.", nameof(identityPublicKey));
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(identityPublicKey, hash);
        var text = new StringBuilder(40);
        var digits = 0;

        // 20 bytes = 160 bits = exactly 32 five-bit digits, most significant bit first.
        for (var i = 0; i < Bytes; i += 5)
        {
            ulong group = 0;
            for (var j = 0; j < 5; j++)
            {
                group = (group << 8) | hash[i + j];
            }

            for (var shift = 35; shift >= 0; shift -= 5)
            {
                if (digits > 0 && digits % 4 == 0)
                {
                    text.Append(' ');
                }

                text.Append(Alphabet[(int)((group >> shift) & 0x1F)]);
                digits++;
            }
        }

        return text.ToString();
    }

    /// <summary>The short form: the first 9 characters of <see cref="Of"/> (two groups of 4).</summary>
    public static string ShortOf(ReadOnlySpan<byte> identityPublicKey) => Of(identityPublicKey)[..9];
}
