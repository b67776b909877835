using System.Security.Cryptography;
using MeshNode.Protocol.Crypto;

namespace MeshNode.Protocol.Noise;

/// <summary>
/// The Noise HandshakeState (rev 34, section 5.3) as a pure state machine: it takes and returns
/// message bytes, and its keys and randomness are injected, so published vectors replay byte for
/// byte. Calls out of turn, after completion or after a failure throw
/// <see cref="ProtocolViolationReason.HandshakeOutOfOrder"/>; a failed read poisons the state.
/// When the last message is written or read, <see cref="Split"/> hands out the transport
/// CipherStates. Not thread-safe. Disposing zeroes every secret it still holds.
/// </summary>
public sealed class HandshakeState : IDisposable
{
    /// <summary>The largest Noise message, in bytes (rev 34, section 3).</summary>
    public const int MaxMessageLength = 65535;

    private const int DhLength = X25519.KeySize;

    private readonly NoiseProtocol _protocol;
    private readonly SymmetricState _symmetric;
    private readonly IRandomSource _random;
    private readonly byte[]? _s;
    private readonly byte[]? _sPublic;
    private byte[]? _e;
    private byte[]? _ePublic;
    private byte[]? _rs;
    private byte[]? _re;
    private int _messageIndex;
    private bool _failed;
    private bool _disposed;
    private CipherState? _c1;
    private CipherState? _c2;

    /// <summary>
    /// Initialize(): runs InitializeSymmetric, MixHash(prologue) and the pre-messages.
    /// Keys are copied; <paramref name="localEphemeral"/> (a private key) replaces the first
    /// generated ephemeral, for pre-messages and test vectors only.
    /// </summary>
    /// <param name="protocol">The protocol name and pattern.</param>
    /// <param name="initiator">True for the side that writes message 0.</param>
    /// <param name="prologue">Bytes both sides must agree on; mixed into h.</param>
    /// <param name="random">Source for ephemeral keys.</param>
    /// <param name="localStatic">This side's X25519 static private key, when the pattern needs one.</param>
    /// <param name="remoteStatic">The peer's static public key, when the pattern has it as a pre-message.</param>
    /// <param name="localEphemeral">A fixed ephemeral private key, or null to generate one.</param>
    /// <param name="remoteEphemeral">The peer's ephemeral public key, when a pre-message carries it.</param>
    /// <exception cref="ArgumentException">A key the pattern needs is missing or has the wrong length.</exception>
    public HandshakeState(
        NoiseProtocol protocol,
        bool initiator,
        ReadOnlySpan<byte> prologue,
        IRandomSource random,
        ReadOnlySpan<byte> localStatic = default,
        ReadOnlySpan<byte> remoteStatic = default,
        ReadOnlySpan<byte> localEphemeral = default,
        ReadOnlySpan<byte> remoteEphemeral = default)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(random);
        _protocol = protocol;
        _random = random;
        IsInitiator = initiator;
        var pattern = protocol.Pattern;

        _s = OptionalKey(localStatic, nameof(localStatic));
        _sPublic = _s is null ? null : X25519.PublicKeyFrom(_s);
        _e = OptionalKey(localEphemeral, nameof(localEphemeral));
        _ePublic = _e is null ? null : X25519.PublicKeyFrom(_e);
        _rs = OptionalKey(remoteStatic, nameof(remoteStatic));
        _re = OptionalKey(remoteEphemeral, nameof(remoteEphemeral));

        if (_s is null && pattern.NeedsLocalStatic(initiator))
        {
            throw new ArgumentException($"Pattern {pattern.Name} needs this side's static key.", nameof(localStatic));
        }

        if (_rs is null && pattern.NeedsRemoteStaticUpFront(initiator))
        {
            throw new ArgumentException($"Pattern {pattern.Name} needs the peer's static key up front.", nameof(remoteStatic));
        }

        _symmetric = new SymmetricState(protocol.Name, protocol.Cipher);
        _symmetric.MixHash(prologue);

        // Section 7.1: the initiator's pre-message keys are hashed first, then the responder's.
        MixPreMessage(pattern.InitiatorPreMessage, initiator);
        MixPreMessage(pattern.ResponderPreMessage, !initiator);
    }

    /// <summary>True for the side that writes message 0.</summary>
    public bool IsInitiator { get; }

    /// <summary>How many handshake messages have been processed so far.</summary>
    public int MessageIndex => _messageIndex;

    /// <summary>True when every handshake message has been processed.</summary>
    public bool IsComplete => _messageIndex == _protocol.Pattern.Messages.Count;

    /// <summary>True when the next call must be <see cref="WriteMessage(ReadOnlySpan{byte})"/> (false: ReadMessage, or complete).</summary>
    public bool IsMyTurnToWrite => !IsComplete && !_failed && (_messageIndex % 2 == 0) == IsInitiator;

    /// <summary>The peer's static public key once known (pre-message or received), else null.</summary>
    public ReadOnlyMemory<byte>? RemoteStaticPublicKey => _rs;

    /// <summary>This side's static public key, or null.</summary>
    public ReadOnlyMemory<byte>? LocalStaticPublicKey => _sPublic;

    /// <summary>The handshake hash h before the payload of the last message written or read (what that payload was bound to).</summary>
    public ReadOnlyMemory<byte> PayloadHandshakeHash { get; private set; }

    /// <summary>The current handshake hash h; after completion, the channel binding value (section 11.2).</summary>
    public byte[] GetHandshakeHash()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _symmetric.GetHandshakeHash();
    }

    /// <summary>Writes the next handshake message carrying <paramref name="payload"/>.</summary>
    /// <exception cref="ProtocolViolationException">Not this side's turn, already complete or failed (<see cref="ProtocolViolationReason.HandshakeOutOfOrder"/>).</exception>
    /// <exception cref="ArgumentException">The message would exceed <see cref="MaxMessageLength"/>.</exception>
    public byte[] WriteMessage(ReadOnlySpan<byte> payload)
    {
        var copy = payload.ToArray();
        return WriteMessage(_ => copy);
    }

    /// <summary>
    /// Writes the next handshake message; <paramref name="payloadFactory"/> is called after the
    /// message's tokens with the handshake hash at that point, so the payload can bind to it.
    /// </summary>
    /// <exception cref="ProtocolViolationException">Not this side's turn, already complete or failed (<see cref="ProtocolViolationReason.HandshakeOutOfOrder"/>).</exception>
    /// <exception cref="ArgumentException">The message would exceed <see cref="MaxMessageLength"/>.</exception>
    public byte[] WriteMessage(Func<byte[], byte[]> payloadFactory)
    {
        ArgumentNullException.ThrowIfNull(payloadFactory);
        EnsureTurn(write: true);
        try
        {
            // A message carries at most one e and one encrypted s before its payload.
            Span<byte> head = stackalloc byte[2 * (DhLength + CipherState.TagSize)];
            var offset = 0;
            foreach (var token in _protocol.Pattern.Messages[_messageIndex])
            {
                offset += WriteToken(token, head[offset..]);
            }

            var hash = _symmetric.GetHandshakeHash();
            PayloadHandshakeHash = hash;
            var payload = payloadFactory(hash);
            var total = offset + payload.Length + (_symmetric.HasKey ? CipherState.TagSize : 0);
            if (total > MaxMessageLength)
            {
                throw new ArgumentException($"Handshake message of {total} bytes exceeds {MaxMessageLength}.", nameof(payloadFactory));
            }

            var message = new byte[total];
            head[..offset].CopyTo(message);
            _symmetric.EncryptAndHash(payload, message.AsSpan(offset));
            Advance();
            return message;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <summary>Reads the next handshake message and returns its decrypted payload.</summary>
    /// <exception cref="ProtocolViolationException">
    /// Out of turn (<see cref="ProtocolViolationReason.HandshakeOutOfOrder"/>), too long
    /// (<see cref="ProtocolViolationReason.FrameTooLarge"/>), too short
    /// (<see cref="ProtocolViolationReason.Truncated"/>), altered or from another handshake
    /// (<see cref="ProtocolViolationReason.AuthenticationFailed"/>), or a low-order key
    /// (<see cref="ProtocolViolationReason.InvalidKey"/>).
    /// </exception>
    public byte[] ReadMessage(ReadOnlySpan<byte> message)
    {
        EnsureTurn(write: false);
        try
        {
            if (message.Length > MaxMessageLength)
            {
                throw new ProtocolViolationException(
                    ProtocolViolationReason.FrameTooLarge, $"Handshake message of {message.Length} bytes exceeds {MaxMessageLength}.");
            }

            var tokens = _protocol.Pattern.Messages[_messageIndex];
            var rest = message;
            foreach (var token in tokens)
            {
                rest = ReadToken(token, rest);
            }

            PayloadHandshakeHash = _symmetric.GetHandshakeHash();
            if (_symmetric.HasKey && rest.Length < CipherState.TagSize)
            {
                throw new ProtocolViolationException(ProtocolViolationReason.Truncated, "Handshake message ends before its payload tag.");
            }

            var payload = new byte[rest.Length - (_symmetric.HasKey ? CipherState.TagSize : 0)];
            _symmetric.DecryptAndHash(rest, payload);
            Advance();
            return payload;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <summary>
    /// Hands out the transport CipherStates once the handshake is complete: Send encrypts what this
    /// side sends (c1 for the initiator, c2 for the responder), Receive decrypts what the peer
    /// sends. The caller owns and disposes them. Callable once.
    /// </summary>
    /// <exception cref="ProtocolViolationException">The handshake is not complete (<see cref="ProtocolViolationReason.HandshakeOutOfOrder"/>).</exception>
    public (CipherState Send, CipherState Receive) Split()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_c1 is null || _c2 is null)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.HandshakeOutOfOrder, "Transport keys exist only once, after the last handshake message.");
        }

        var pair = IsInitiator ? (_c1, _c2) : (_c2, _c1);
        _c1 = null;
        _c2 = null;
        return pair;
    }

    /// <summary>Zeroes the private keys and handshake secrets, and disposes transport states not handed out.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Zero(_s);
        Zero(_e);
        _symmetric.Dispose();
        _c1?.Dispose();
        _c2?.Dispose();
    }

    private void EnsureTurn(bool write)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failed)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.HandshakeOutOfOrder, "The handshake already failed.");
        }

        if (IsComplete)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.HandshakeOutOfOrder, "The handshake is already complete.");
        }

        var myTurn = (_messageIndex % 2 == 0) == IsInitiator;
        if (myTurn != write)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.HandshakeOutOfOrder,
                write ? $"Message {_messageIndex} is the peer's to send." : $"Message {_messageIndex} is this side's to send.");
        }
    }

    private void Advance()
    {
        _messageIndex++;
        if (IsComplete)
        {
            (_c1, _c2) = _symmetric.Split();
        }
    }

    private int WriteToken(NoiseToken token, Span<byte> destination)
    {
        switch (token)
        {
            case NoiseToken.E:
                if (_e is null)
                {
                    _e = X25519.GeneratePrivateKey(_random);
                    _ePublic = X25519.PublicKeyFrom(_e);
                }

                _ePublic!.CopyTo(destination);
                _symmetric.MixHash(_ePublic);
                return DhLength;
            case NoiseToken.S:
                return _symmetric.EncryptAndHash(_sPublic!, destination);
            default:
                MixDh(token);
                return 0;
        }
    }

    private ReadOnlySpan<byte> ReadToken(NoiseToken token, ReadOnlySpan<byte> message)
    {
        switch (token)
        {
            case NoiseToken.E:
                RequireLength(message, DhLength, "ephemeral key");
                _re = message[..DhLength].ToArray();
                _symmetric.MixHash(_re);
                return message[DhLength..];
            case NoiseToken.S:
                var length = DhLength + (_symmetric.HasKey ? CipherState.TagSize : 0);
                RequireLength(message, length, "static key");
                var rs = new byte[DhLength];
                _symmetric.DecryptAndHash(message[..length], rs);
                _rs = rs;
                return message[length..];
            default:
                MixDh(token);
                return message;
        }
    }

    private void MixDh(NoiseToken token)
    {
        // Section 7.1: "es" is DH(e, rs) for the initiator and DH(s, re) for the responder; "se" mirrors it.
        var (local, remote) = token switch
        {
            NoiseToken.EE => (_e, _re),
            NoiseToken.ES => IsInitiator ? (_e, _rs) : (_s, _re),
            NoiseToken.SE => IsInitiator ? (_s, _re) : (_e, _rs),
            NoiseToken.SS => (_s, _rs),
            _ => throw new InvalidOperationException($"Token {token} is not a DH token."),
        };
        if (local is null || remote is null)
        {
            throw new InvalidOperationException($"Token {token} needs a key this handshake does not have.");
        }

        Span<byte> shared = stackalloc byte[DhLength];
        if (!X25519.TryAgree(local, remote, shared))
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.InvalidKey, "Peer's X25519 key is a low-order point (all-zero DH output).");
        }

        _symmetric.MixKey(shared);
        CryptographicOperations.ZeroMemory(shared);
    }

    private void MixPreMessage(IReadOnlyList<NoiseToken> tokens, bool local)
    {
        foreach (var token in tokens)
        {
            var key = (token, local) switch
            {
                (NoiseToken.E, true) => _ePublic,
                (NoiseToken.S, true) => _sPublic,
                (NoiseToken.E, false) => _re,
                (NoiseToken.S, false) => _rs,
                _ => null,
            } ?? throw new ArgumentException($"Pre-message token {token} needs a key that was not given.");
            _symmetric.MixHash(key);
        }
    }

    private static void RequireLength(ReadOnlySpan<byte> message, int length, string what)
    {
        if (message.Length < length)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.Truncated, $"Handshake message ends before the {what} ({message.Length} of {length} bytes).");
        }
    }

    private static byte[]? OptionalKey(ReadOnlySpan<byte> key, string name)
    {
        if (key.IsEmpty)
        {
            return null;
        }

        if (key.Length != X25519.KeySize)
        {
            throw new ArgumentException($"X25519 keys are {X25519.KeySize} bytes, got {key.Length}.", name);
        }

        return key.ToArray();
    }

    private static void Zero(byte[]? secret)
    {
        if (secret is not null)
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
