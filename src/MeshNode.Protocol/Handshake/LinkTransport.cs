using MeshNode.Protocol.Noise;

namespace MeshNode.Protocol.Handshake;

/// <summary>
/// Encrypts and decrypts the Noise transport messages of one link with the two CipherStates of a
/// completed <see cref="LinkHandshake"/>. Both sides rekey (Noise rev 34, section 11.3) after every
/// <c>rekeyInterval</c> messages in each direction, so a key never protects more than that many;
/// TCP keeps both counters in step. The sending half and the receiving half may each be used by
/// one thread at a time (a writer loop and a reader loop). Disposing zeroes both keys.
/// </summary>
public sealed class LinkTransport : IDisposable
{
    /// <summary>The largest transport message on the wire (the 2-byte length prefix's limit).</summary>
    public const int MaxMessageLength = HandshakeState.MaxMessageLength;

    /// <summary>The largest plaintext one message can carry.</summary>
    public const int MaxPlaintextLength = MaxMessageLength - CipherState.TagSize;

    /// <summary>Rekey interval used when none is given: 2^20 messages per direction.</summary>
    public const ulong DefaultRekeyInterval = 1UL << 20;

    private readonly CipherState _send;
    private readonly CipherState _receive;
    private readonly ulong _rekeyInterval;

    /// <summary>Takes ownership of the two CipherStates.</summary>
    /// <param name="send">Encrypts what this side sends.</param>
    /// <param name="receive">Decrypts what the peer sends.</param>
    /// <param name="rekeyInterval">Messages per key in each direction; 0 never rekeys. Both sides must use the same value.</param>
    public LinkTransport(CipherState send, CipherState receive, ulong rekeyInterval = DefaultRekeyInterval)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(receive);
        _send = send;
        _receive = receive;
        _rekeyInterval = rekeyInterval;
    }

    /// <summary>Creates the transport from a handshake result, taking ownership of its CipherStates.</summary>
    public static LinkTransport From(HandshakeResult result, ulong rekeyInterval = DefaultRekeyInterval)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new LinkTransport(result.Send, result.Receive, rekeyInterval);
    }

    /// <summary>Messages sent so far.</summary>
    public ulong Sent => _send.Nonce;

    /// <summary>Messages received so far.</summary>
    public ulong Received => _receive.Nonce;

    /// <summary>
    /// Encrypts one message into <paramref name="destination"/> (at least plaintext length + 16
    /// bytes) and returns its length.
    /// </summary>
    /// <exception cref="ArgumentException">The plaintext exceeds <see cref="MaxPlaintextLength"/>.</exception>
    /// <exception cref="ProtocolViolationException">The nonce space is used up (<see cref="ProtocolViolationReason.NonceExhausted"/>).</exception>
    public int Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        if (plaintext.Length > MaxPlaintextLength)
        {
            throw new ArgumentException($"A link message carries at most {MaxPlaintextLength} bytes.", nameof(plaintext));
        }

        var written = _send.EncryptWithAd([], plaintext, destination);
        MaybeRekey(_send);
        return written;
    }

    /// <summary>Encrypts one message into a new array.</summary>
    /// <exception cref="ArgumentException">The plaintext exceeds <see cref="MaxPlaintextLength"/>.</exception>
    /// <exception cref="ProtocolViolationException">The nonce space is used up (<see cref="ProtocolViolationReason.NonceExhausted"/>).</exception>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[plaintext.Length + CipherState.TagSize];
        Encrypt(plaintext, output);
        return output;
    }

    /// <summary>
    /// Decrypts one message from the peer into <paramref name="destination"/> and returns the
    /// plaintext length. Nothing in it may be trusted unless this returns.
    /// </summary>
    /// <exception cref="ProtocolViolationException">
    /// Too long (<see cref="ProtocolViolationReason.FrameTooLarge"/>), shorter than a tag
    /// (<see cref="ProtocolViolationReason.Truncated"/>), altered, replayed, reordered or dropped in
    /// between (<see cref="ProtocolViolationReason.AuthenticationFailed"/>). Each closes the link.
    /// </exception>
    public int Decrypt(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        if (message.Length > MaxMessageLength)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.FrameTooLarge, $"Transport message of {message.Length} bytes exceeds {MaxMessageLength}.");
        }

        var written = _receive.DecryptWithAd([], message, destination);
        MaybeRekey(_receive);
        return written;
    }

    /// <summary>Decrypts one message into a new array.</summary>
    /// <exception cref="ProtocolViolationException">See <see cref="Decrypt(ReadOnlySpan{byte}, Span{byte})"/>.</exception>
    public byte[] Decrypt(ReadOnlySpan<byte> message)
    {
        if (message.Length > MaxMessageLength)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.FrameTooLarge, $"Transport message of {message.Length} bytes exceeds {MaxMessageLength}.");
        }

        if (message.Length < CipherState.TagSize)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.Truncated, "Transport message is shorter than its tag.");
        }

        var output = new byte[message.Length - CipherState.TagSize];
        Decrypt(message, output);
        return output;
    }

    /// <summary>Zeroes both keys.</summary>
    public void Dispose()
    {
        _send.Dispose();
        _receive.Dispose();
    }

    private void MaybeRekey(CipherState state)
    {
        if (_rekeyInterval != 0 && state.Nonce % _rekeyInterval == 0)
        {
            state.Rekey();
        }
    }
}
