using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MeshNode.Protocol.Noise;

/// <summary>
/// A Noise CipherState (rev 34, section 5.1): a 32-byte key k (or none) and a 64-bit nonce n.
/// Each encryption or successful decryption uses n and increments it; n = 2^64-1 is reserved, so
/// once the counter reaches it the state refuses further use with
/// <see cref="ProtocolViolationReason.NonceExhausted"/>. A failed decryption throws
/// <see cref="ProtocolViolationReason.AuthenticationFailed"/> and leaves n unchanged.
/// Not thread-safe: one sender or one receiver owns it. Disposing zeroes the key.
/// </summary>
public sealed class CipherState : IDisposable
{
    /// <summary>Length of the AEAD authentication tag appended to every ciphertext.</summary>
    public const int TagSize = 16;

    /// <summary>Length of a cipher key.</summary>
    public const int KeySize = 32;

    private const int NonceSize = 12;

    private readonly NoiseCipher _cipher;
    private byte[]? _key;
    private ChaCha20Poly1305? _chaCha;
    private AesGcm? _aesGcm;
    private bool _disposed;

    /// <summary>Creates an empty CipherState (no key: encryption is the identity function).</summary>
    public CipherState(NoiseCipher cipher)
    {
        _cipher = cipher;
    }

    /// <summary>The cipher function this state uses.</summary>
    public NoiseCipher Cipher => _cipher;

    /// <summary>True once a key has been set; without one, Encrypt/Decrypt pass data through unchanged.</summary>
    public bool HasKey => _key is not null;

    /// <summary>The next nonce value (how many messages this state has processed since its key was set).</summary>
    public ulong Nonce { get; private set; }

    /// <summary>Sets the key and resets the nonce to zero (Noise InitializeKey). The key is copied.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public void InitializeKey(ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"A Noise cipher key is {KeySize} bytes, got {key.Length}.", nameof(key));
        }

        ClearKey();
        _key = key.ToArray();
        CreateAead();
        Nonce = 0;
    }

    /// <summary>Sets the nonce (Noise SetNonce), for out-of-order transports that carry it explicitly.</summary>
    public void SetNonce(ulong nonce)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Nonce = nonce;
    }

    /// <summary>
    /// Encrypts <paramref name="plaintext"/> with associated data <paramref name="ad"/> into
    /// <paramref name="destination"/> (which must hold plaintext length + <see cref="TagSize"/>
    /// bytes when a key is set) and returns the number of bytes written.
    /// </summary>
    /// <exception cref="ProtocolViolationException">The nonce is exhausted (<see cref="ProtocolViolationReason.NonceExhausted"/>).</exception>
    public int EncryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_key is null)
        {
            plaintext.CopyTo(destination);
            return plaintext.Length;
        }

        var total = plaintext.Length + TagSize;
        if (destination.Length < total)
        {
            throw new ArgumentException($"The destination must hold {total} bytes.", nameof(destination));
        }

        EnsureNonceAvailable();
        Span<byte> nonce = stackalloc byte[NonceSize];
        WriteNonce(nonce, Nonce);
        Seal(nonce, plaintext, destination[..plaintext.Length], destination.Slice(plaintext.Length, TagSize), ad);
        Nonce++;
        return total;
    }

    /// <summary>Encrypts and returns a new array (ciphertext || tag, or the plaintext copy when no key is set).</summary>
    /// <exception cref="ProtocolViolationException">The nonce is exhausted (<see cref="ProtocolViolationReason.NonceExhausted"/>).</exception>
    public byte[] EncryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[plaintext.Length + (HasKey ? TagSize : 0)];
        EncryptWithAd(ad, plaintext, output);
        return output;
    }

    /// <summary>
    /// Decrypts <paramref name="ciphertext"/> (ciphertext || tag) into <paramref name="destination"/>
    /// and returns the number of plaintext bytes written. Nothing is trusted until this returns.
    /// </summary>
    /// <exception cref="ProtocolViolationException">
    /// The tag does not verify (<see cref="ProtocolViolationReason.AuthenticationFailed"/>), the input is
    /// shorter than a tag (<see cref="ProtocolViolationReason.Truncated"/>), or the nonce is exhausted.
    /// </exception>
    public int DecryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_key is null)
        {
            ciphertext.CopyTo(destination);
            return ciphertext.Length;
        }

        if (ciphertext.Length < TagSize)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.Truncated, $"Ciphertext of {ciphertext.Length} bytes is shorter than the {TagSize}-byte tag.");
        }

        var length = ciphertext.Length - TagSize;
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination must hold {length} bytes.", nameof(destination));
        }

        EnsureNonceAvailable();
        Span<byte> nonce = stackalloc byte[NonceSize];
        WriteNonce(nonce, Nonce);
        try
        {
            Open(nonce, ciphertext[..length], ciphertext[length..], destination[..length], ad);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            // Noise rev 34, section 5.1: on authentication failure the nonce is not incremented.
            throw new ProtocolViolationException(
                ProtocolViolationReason.AuthenticationFailed, "AEAD tag did not verify: data altered or wrong key.", ex);
        }

        Nonce++;
        return length;
    }

    /// <summary>Decrypts and returns a new array with the plaintext.</summary>
    /// <exception cref="ProtocolViolationException">See <see cref="DecryptWithAd(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>.</exception>
    public byte[] DecryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> ciphertext)
    {
        if (HasKey && ciphertext.Length < TagSize)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.Truncated, $"Ciphertext of {ciphertext.Length} bytes is shorter than the {TagSize}-byte tag.");
        }

        var output = new byte[ciphertext.Length - (HasKey ? TagSize : 0)];
        DecryptWithAd(ad, ciphertext, output);
        return output;
    }

    /// <summary>
    /// Replaces the key with REKEY(k) (Noise rev 34, sections 4.2 and 5.1): the first 32 bytes of
    /// encrypting 32 zero bytes with nonce 2^64-1 and empty associated data. The nonce is kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">No key is set.</exception>
    public void Rekey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_key is null)
        {
            throw new InvalidOperationException("Rekey needs a key.");
        }

        Span<byte> nonce = stackalloc byte[NonceSize];
        WriteNonce(nonce, ulong.MaxValue);
        Span<byte> zeros = stackalloc byte[KeySize];
        zeros.Clear();
        Span<byte> newKey = stackalloc byte[KeySize];
        Span<byte> tag = stackalloc byte[TagSize];
        Seal(nonce, zeros, newKey, tag, []);
        var nonceBefore = Nonce;
        InitializeKey(newKey);
        Nonce = nonceBefore;
        CryptographicOperations.ZeroMemory(newKey);
    }

    /// <summary>Zeroes the key and releases the AEAD.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        ClearKey();
        _disposed = true;
    }

    private void EnsureNonceAvailable()
    {
        if (Nonce == ulong.MaxValue)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.NonceExhausted, "Nonce 2^64-1 is reserved: this key must not be used any more.");
        }
    }

    private void WriteNonce(Span<byte> nonce, ulong counter)
    {
        nonce[..4].Clear();
        if (_cipher == NoiseCipher.ChaChaPoly)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], counter);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], counter);
        }
    }

    private void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> ad)
    {
        if (_chaCha is not null)
        {
            _chaCha.Encrypt(nonce, plaintext, ciphertext, tag, ad);
        }
        else
        {
            _aesGcm!.Encrypt(nonce, plaintext, ciphertext, tag, ad);
        }
    }

    private void Open(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> ad)
    {
        if (_chaCha is not null)
        {
            _chaCha.Decrypt(nonce, ciphertext, tag, plaintext, ad);
        }
        else
        {
            _aesGcm!.Decrypt(nonce, ciphertext, tag, plaintext, ad);
        }
    }

    private void CreateAead()
    {
        if (_cipher == NoiseCipher.ChaChaPoly)
        {
            _chaCha = new ChaCha20Poly1305(_key!);
        }
        else
        {
            _aesGcm = new AesGcm(_key!, TagSize);
        }
    }

    private void ClearKey()
    {
        _chaCha?.Dispose();
        _chaCha = null;
        _aesGcm?.Dispose();
        _aesGcm = null;
        if (_key is not null)
        {
            CryptographicOperations.ZeroMemory(_key);
            _key = null;
        }
    }
}
