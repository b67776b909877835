using System.Security.Cryptography;
using System.Text;

namespace MeshNode.Protocol.Noise;

/// <summary>
/// The Noise SymmetricState (rev 34, section 5.2) with SHA-256 as HASH: chaining key ck,
/// handshake hash h and a <see cref="CipherState"/>. Its HKDF is Noise's (section 4.3), which is
/// RFC 5869 HKDF-SHA256 with salt = ck, ikm = input key material and empty info, taking the
/// first 2 or 3 blocks of 32 bytes (a test checks it against <see cref="HKDF"/>).
/// </summary>
internal sealed class SymmetricState : IDisposable
{
    /// <summary>HASHLEN for SHA-256.</summary>
    public const int HashLength = 32;

    private readonly byte[] _ck = new byte[HashLength];
    private readonly byte[] _h = new byte[HashLength];
    private readonly CipherState _cipherState;

    /// <summary>InitializeSymmetric(protocol_name).</summary>
    public SymmetricState(string protocolName, NoiseCipher cipher)
    {
        var name = Encoding.ASCII.GetBytes(protocolName);
        if (name.Length <= HashLength)
        {
            name.CopyTo(_h, 0);
        }
        else
        {
            SHA256.HashData(name, _h);
        }

        _h.CopyTo(_ck, 0);
        _cipherState = new CipherState(cipher);
    }

    /// <summary>True once a key has been mixed in: payloads are encrypted from then on.</summary>
    public bool HasKey => _cipherState.HasKey;

    /// <summary>The handshake hash h (a copy).</summary>
    public byte[] GetHandshakeHash() => (byte[])_h.Clone();

    /// <summary>MixKey(input_key_material): ck, temp_k = HKDF(ck, ikm, 2); InitializeKey(temp_k).</summary>
    public void MixKey(ReadOnlySpan<byte> inputKeyMaterial)
    {
        Span<byte> output = stackalloc byte[2 * HashLength];
        Hkdf(inputKeyMaterial, output);
        output[..HashLength].CopyTo(_ck);
        _cipherState.InitializeKey(output[HashLength..]);
        CryptographicOperations.ZeroMemory(output);
    }

    /// <summary>MixHash(data): h = HASH(h || data).</summary>
    public void MixHash(ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_h);
        hash.AppendData(data);
        hash.GetHashAndReset(_h);
    }

    /// <summary>MixKeyAndHash(input_key_material): ck, temp_h, temp_k = HKDF(ck, ikm, 3); MixHash(temp_h); InitializeKey(temp_k).</summary>
    public void MixKeyAndHash(ReadOnlySpan<byte> inputKeyMaterial)
    {
        Span<byte> output = stackalloc byte[3 * HashLength];
        Hkdf(inputKeyMaterial, output);
        output[..HashLength].CopyTo(_ck);
        MixHash(output.Slice(HashLength, HashLength));
        _cipherState.InitializeKey(output[(2 * HashLength)..]);
        CryptographicOperations.ZeroMemory(output);
    }

    /// <summary>EncryptAndHash(plaintext): ciphertext = EncryptWithAd(h, plaintext); MixHash(ciphertext). Returns bytes written.</summary>
    public int EncryptAndHash(ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        var written = _cipherState.EncryptWithAd(_h, plaintext, destination);
        MixHash(destination[..written]);
        return written;
    }

    /// <summary>DecryptAndHash(ciphertext): plaintext = DecryptWithAd(h, ciphertext); MixHash(ciphertext). Returns bytes written.</summary>
    public int DecryptAndHash(ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        var written = _cipherState.DecryptWithAd(_h, ciphertext, destination);
        MixHash(ciphertext);
        return written;
    }

    /// <summary>Split(): temp_k1, temp_k2 = HKDF(ck, zerolen, 2); two CipherStates keyed with them (c1 initiator to responder).</summary>
    public (CipherState First, CipherState Second) Split()
    {
        Span<byte> output = stackalloc byte[2 * HashLength];
        Hkdf([], output);
        var c1 = new CipherState(_cipherState.Cipher);
        var c2 = new CipherState(_cipherState.Cipher);
        c1.InitializeKey(output[..HashLength]);
        c2.InitializeKey(output[HashLength..]);
        CryptographicOperations.ZeroMemory(output);
        return (c1, c2);
    }

    /// <summary>
    /// Noise HKDF(chaining_key, input_key_material, num_outputs), section 4.3, written out with
    /// HMAC-SHA256: temp_key = HMAC(ck, ikm); output1 = HMAC(temp_key, 0x01);
    /// output_i = HMAC(temp_key, output_(i-1) || i). This is RFC 5869 HKDF with empty info;
    /// .NET's HKDF.DeriveKey refuses the empty ikm that Split() passes, hence HMAC directly.
    /// </summary>
    public void Hkdf(ReadOnlySpan<byte> inputKeyMaterial, Span<byte> output) =>
        NoiseHkdf(_ck, inputKeyMaterial, output);

    /// <summary>The section 4.3 HKDF for a given chaining key; output is 2 or 3 blocks of 32 bytes.</summary>
    internal static void NoiseHkdf(ReadOnlySpan<byte> chainingKey, ReadOnlySpan<byte> inputKeyMaterial, Span<byte> output)
    {
        Span<byte> tempKey = stackalloc byte[HashLength];
        Span<byte> block = stackalloc byte[HashLength + 1];
        HMACSHA256.HashData(chainingKey, inputKeyMaterial, tempKey);
        var blocks = output.Length / HashLength;
        for (var i = 0; i < blocks; i++)
        {
            var input = block;
            if (i == 0)
            {
                input = block[HashLength..];
            }
            else
            {
                output.Slice((i - 1) * HashLength, HashLength).CopyTo(block);
            }

            block[HashLength] = (byte)(i + 1);
            HMACSHA256.HashData(tempKey, input, output.Slice(i * HashLength, HashLength));
        }

        CryptographicOperations.ZeroMemory(tempKey);
        CryptographicOperations.ZeroMemory(block);
    }

    /// <summary>Zeroes ck, h and the cipher key.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_ck);
        CryptographicOperations.ZeroMemory(_h);
        _cipherState.Dispose();
    }
}
