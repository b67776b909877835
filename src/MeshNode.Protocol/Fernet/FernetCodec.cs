using System.Buffers.Binary;
using System.Security.Cryptography;
using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Fernet;

/// <summary>
/// Fernet tokens exactly as the Fernet spec defines them: version 0x80, 8-byte big-endian Unix
/// timestamp, 16-byte IV, AES-128-CBC with PKCS7 padding, HMAC-SHA256 over everything before it;
/// base64url for the text form. On decrypt the MAC is checked in constant time before the
/// timestamp is trusted or anything is decrypted. Thread-safe; zeroes its keys on dispose.
/// </summary>
/// <remarks>
/// Every failure is a <see cref="ProtocolViolationException"/>: <see cref="ProtocolViolationReason.AuthenticationFailed"/>
/// (wrong MAC or key), <see cref="ProtocolViolationReason.StaleTimestamp"/> (older than the TTL or more
/// than 60 s in the future), <see cref="ProtocolViolationReason.MalformedMessage"/> (not base64url, wrong
/// version byte, bad lengths or padding), <see cref="ProtocolViolationReason.LimitExceeded"/> (longer than
/// the configured maximum). A token inside an envelope body belongs to one message: drop that message,
/// never the link that carried it.
/// </remarks>
public sealed class FernetCodec : IDisposable
{
    /// <summary>Bytes of a Fernet key: 16 signing then 16 encryption.</summary>
    public const int KeySize = 32;

    /// <summary>The only version byte the spec defines.</summary>
    public const byte Version = 0x80;

    /// <summary>Version, timestamp, IV, one cipher block and the MAC: the shortest valid token.</summary>
    public const int MinTokenBytes = HeaderSize + BlockSize + MacSize;

    /// <summary>How far in the future a timestamp may lie (the reference implementations' value).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(60);

    private const int HeaderSize = 1 + 8 + IvSize;
    private const int IvSize = 16;
    private const int BlockSize = 16;
    private const int MacSize = 32;

    private readonly byte[] _signingKey;
    private readonly byte[] _encryptionKey;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;
    private readonly int _maxTokenBytes;
    private bool _disposed;

    /// <summary>Creates a codec for a 32-byte key.</summary>
    /// <param name="key">Bytes 0-15 sign, bytes 16-31 encrypt; copied, so the caller may zero its copy.</param>
    /// <param name="time">Clock for token timestamps and TTL checks.</param>
    /// <param name="random">Source of IVs.</param>
    /// <param name="maxTokenBytes">Longest binary token accepted (from <c>mesh.envelope.max-size</c>).</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public FernetCodec(ReadOnlySpan<byte> key, TimeProvider time, IRandomSource random, int maxTokenBytes = 65536)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"A Fernet key is {KeySize} bytes.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokenBytes, MinTokenBytes);
        _signingKey = key[..16].ToArray();
        _encryptionKey = key[16..].ToArray();
        _time = time;
        _random = random;
        _maxTokenBytes = maxTokenBytes;
    }

    /// <summary>Creates a codec from the spec's text form of a key (base64url, with or without padding).</summary>
    /// <exception cref="ArgumentException">The text is not a base64url 32-byte key.</exception>
    public static FernetCodec FromBase64UrlKey(string key, TimeProvider time, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = Base64Url.TryDecode(key, 64)
            ?? throw new ArgumentException("The Fernet key is not base64url.", nameof(key));
        try
        {
            return new FernetCodec(bytes, time, random);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Encrypts into a token in the spec's text form (base64url with padding).</summary>
    public string Encrypt(ReadOnlySpan<byte> plaintext) => Base64Url.Encode(EncryptToBytes(plaintext));

    /// <summary>Encrypts into a token in binary form (the text form before base64url), as carried on the wire.</summary>
    public byte[] EncryptToBytes(ReadOnlySpan<byte> plaintext)
    {
        Span<byte> iv = stackalloc byte[IvSize];
        _random.Fill(iv);
        return EncryptToBytes(plaintext, iv, _time.GetUtcNow().ToUnixTimeSeconds());
    }

    /// <summary>Decrypts a token in text form.</summary>
    /// <param name="token">base64url, padded as the spec writes it (missing padding is tolerated).</param>
    /// <param name="timeToLive">Refuse tokens older than this; null accepts any age.</param>
    /// <exception cref="ProtocolViolationException">See the class remarks.</exception>
    public byte[] Decrypt(string token, TimeSpan? timeToLive)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > ((_maxTokenBytes + 2) / 3 * 4))
        {
            throw TooLarge(token.Length);
        }

        var bytes = Base64Url.TryDecode(token, _maxTokenBytes)
            ?? throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, "Fernet token is not base64url.");
        return DecryptBytes(bytes, timeToLive);
    }

    /// <summary>Decrypts a token in binary form.</summary>
    /// <param name="token">The token bytes.</param>
    /// <param name="timeToLive">Refuse tokens older than this; null accepts any age.</param>
    /// <exception cref="ProtocolViolationException">See the class remarks.</exception>
    public byte[] DecryptBytes(ReadOnlySpan<byte> token, TimeSpan? timeToLive)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (token.Length > _maxTokenBytes)
        {
            throw TooLarge(token.Length);
        }

        if (token.Length < MinTokenBytes || (token.Length - HeaderSize - MacSize) % BlockSize != 0)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.MalformedMessage,
                $"Fernet token of {token.Length} bytes: the ciphertext must be a non-empty multiple of {BlockSize} bytes.");
        }

        if (token[0] != Version)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.MalformedMessage, $"Fernet version byte 0x{token[0]:x2}, expected 0x80.");
        }

        var signed = token[..^MacSize];
        Span<byte> mac = stackalloc byte[MacSize];
        HMACSHA256.HashData(_signingKey, signed, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, token[^MacSize..]))
        {
            throw new ProtocolViolationException(ProtocolViolationReason.AuthenticationFailed, "Fernet MAC does not verify.");
        }

        CheckTimestamp(BinaryPrimitives.ReadUInt64BigEndian(token[1..9]), timeToLive);

        using var aes = Aes.Create();
        aes.Key = _encryptionKey;
        try
        {
            return aes.DecryptCbc(signed[HeaderSize..], token[9..HeaderSize], PaddingMode.PKCS7);
        }
        catch (CryptographicException ex)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.MalformedMessage, "Fernet padding is invalid.", ex);
        }
    }

    /// <summary>Zeroes the keys.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_signingKey);
        CryptographicOperations.ZeroMemory(_encryptionKey);
    }

    /// <summary>Deterministic encryption with a given IV and timestamp, for the spec's vectors.</summary>
    internal byte[] EncryptToBytes(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> iv, long unixSeconds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var aes = Aes.Create();
        aes.Key = _encryptionKey;
        var cipherLength = aes.GetCiphertextLengthCbc(plaintext.Length, PaddingMode.PKCS7);
        var token = new byte[HeaderSize + cipherLength + MacSize];
        token[0] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(token.AsSpan(1, 8), (ulong)unixSeconds);
        iv.CopyTo(token.AsSpan(9, IvSize));
        aes.EncryptCbc(plaintext, iv, token.AsSpan(HeaderSize, cipherLength), PaddingMode.PKCS7);
        HMACSHA256.HashData(_signingKey, token.AsSpan(0, HeaderSize + cipherLength), token.AsSpan(HeaderSize + cipherLength));
        return token;
    }

    private void CheckTimestamp(ulong timestamp, TimeSpan? timeToLive)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();

        // Compared as 128-bit so a hostile timestamp near 2^64 cannot wrap the arithmetic.
        var ts = (Int128)timestamp;
        if (ts > now + (long)MaxClockSkew.TotalSeconds)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.StaleTimestamp, "Fernet token timestamp lies too far in the future.");
        }

        if (timeToLive is { } ttl && ts + (long)ttl.TotalSeconds < now)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.StaleTimestamp, "Fernet token has expired.");
        }
    }

    private ProtocolViolationException TooLarge(int length) =>
        new(ProtocolViolationReason.LimitExceeded, $"Fernet token of {length} bytes exceeds mesh.envelope.max-size = {_maxTokenBytes}.");
}
