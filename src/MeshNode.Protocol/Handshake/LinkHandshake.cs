using System.Security.Cryptography;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Noise;

namespace MeshNode.Protocol.Handshake;

/// <summary>
/// The link handshake as a pure state machine: Noise_XX_25519_ChaChaPoly_SHA256 with prologue
/// "meshnode/v1" || network tag, message 1 carrying a clear <c>HandshakeHello</c> and messages 2
/// and 3 an encrypted <c>HandshakePayload</c> that binds the Noise static key to the Ed25519
/// identity and, in passphrase mode, proves the network key (docs/protocol.md, "Link handshake").
/// Socket code frames and moves the bytes; nothing here touches a socket or a clock.
/// <para>
/// Initiator: <see cref="WriteNext"/> (message 1), then <see cref="ReadNext"/>(message 2) returns
/// message 3 and the result. Responder: <see cref="ReadNext"/>(message 1) returns message 2, then
/// <see cref="ReadNext"/>(message 3) returns the result. Any exception ends the attempt: close the
/// connection. Not thread-safe. Disposing zeroes the keys it holds.
/// </para>
/// </summary>
public sealed class LinkHandshake : IDisposable
{
    /// <summary>Longest display name accepted, in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 64;

    /// <summary>Most capabilities accepted from a peer.</summary>
    public const int MaxCapabilities = 32;

    /// <summary>Longest capability name accepted, in UTF-8 bytes.</summary>
    public const int MaxCapabilityBytes = 32;

    private readonly LinkHandshakeSettings _settings;
    private readonly HandshakeState _noise;
    private readonly byte[] _identityKey;
    private uint _version;
    private bool _failed;
    private bool _disposed;

    private LinkHandshake(LinkHandshakeSettings settings, bool initiator)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        _settings = settings;
        _identityKey = settings.Identity.PublicKey.ToArray();
        var staticKey = settings.StaticPrivateKey.IsEmpty
            ? X25519.GeneratePrivateKey(settings.Random)
            : settings.StaticPrivateKey.ToArray();
        try
        {
            _noise = new HandshakeState(
                NoiseProtocol.XXChaChaPolySha256,
                initiator,
                LinkDomains.Concat(LinkDomains.Prologue, HandshakePayloadCodec.NetworkTag(settings)),
                settings.Random,
                localStatic: staticKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(staticKey);
        }
    }

    /// <summary>True for the side that dialed.</summary>
    public bool IsInitiator => _noise.IsInitiator;

    /// <summary>True once the result has been produced.</summary>
    public bool IsComplete => _noise.IsComplete;

    /// <summary>Starts the dialing side.</summary>
    /// <exception cref="ArgumentException">A setting is malformed (key lengths, name or capability limits, versions).</exception>
    public static LinkHandshake Initiator(LinkHandshakeSettings settings) => new(settings, initiator: true);

    /// <summary>Starts the accepting side.</summary>
    /// <exception cref="ArgumentException">A setting is malformed (key lengths, name or capability limits, versions).</exception>
    public static LinkHandshake Responder(LinkHandshakeSettings settings) => new(settings, initiator: false);

    /// <summary>The initiator's first message (XX "-> e" with the hello).</summary>
    /// <exception cref="ProtocolViolationException">Called by the responder or twice (<see cref="ProtocolViolationReason.HandshakeOutOfOrder"/>).</exception>
    public byte[] WriteNext()
    {
        EnsureUsable();
        if (!IsInitiator || _noise.MessageIndex != 0)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.HandshakeOutOfOrder, "Only the initiator writes first, and only once; then use ReadNext.");
        }

        return _noise.WriteMessage(HandshakePayloadCodec.WriteHello(_settings.MinVersion, _settings.MaxVersion, HandshakePayloadCodec.NetworkTag(_settings)));
    }

    /// <summary>Reads the peer's next message and returns what to send next and, at the end, the result.</summary>
    /// <exception cref="ProtocolViolationException">
    /// The message is out of order, truncated, altered or replayed, or the peer is refused:
    /// <see cref="ProtocolViolationReason.IdentityMismatch"/>, <see cref="ProtocolViolationReason.NetworkMismatch"/>,
    /// <see cref="ProtocolViolationReason.UnsupportedVersion"/> and the others of <see cref="HandshakeState.ReadMessage"/>.
    /// </exception>
    public HandshakeStep ReadNext(ReadOnlySpan<byte> message)
    {
        EnsureUsable();
        var index = _noise.MessageIndex;
        var payload = _noise.ReadMessage(message);
        try
        {
            return index switch
            {
                0 => AnswerHello(payload),
                1 => FinishAsInitiator(payload),
                _ => new HandshakeStep(null, FinishAsResponder(payload)),
            };
        }
        catch
        {
            // The Noise state already moved on; a refused peer must not get a second try.
            _failed = true;
            throw;
        }
    }

    /// <summary>Zeroes the handshake secrets (not the identity, which the caller owns).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _noise.Dispose();
    }

    private void EnsureUsable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failed)
        {
            throw new ProtocolViolationException(ProtocolViolationReason.HandshakeOutOfOrder, "The handshake already failed.");
        }
    }

    private HandshakeStep AnswerHello(byte[] payload)
    {
        _version = HandshakePayloadCodec.ReadHello(payload, _settings);
        return new HandshakeStep(WritePayload(LinkDomains.ResponderRole), null);
    }

    private HandshakeStep FinishAsInitiator(byte[] payload)
    {
        var remote = ReadPayload(payload, LinkDomains.ResponderRole);
        if (remote.ProtocolVersion < _settings.MinVersion || remote.ProtocolVersion > _settings.MaxVersion)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.UnsupportedVersion,
                $"The responder chose version {remote.ProtocolVersion}; this node speaks {_settings.MinVersion}..{_settings.MaxVersion}.");
        }

        _version = remote.ProtocolVersion;
        var message3 = WritePayload(LinkDomains.InitiatorRole);
        return new HandshakeStep(message3, Complete(remote));
    }

    private HandshakeResult FinishAsResponder(byte[] payload)
    {
        var remote = ReadPayload(payload, LinkDomains.InitiatorRole);
        if (remote.ProtocolVersion != _version)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.UnsupportedVersion, $"The initiator claims version {remote.ProtocolVersion}, not the chosen {_version}.");
        }

        return Complete(remote);
    }

    private byte[] WritePayload(byte role) =>
        _noise.WriteMessage(hash => HandshakePayloadCodec.WritePayload(
            _settings, _noise.LocalStaticPublicKey!.Value.Span, _version, hash, role));

    private Wire.HandshakePayload ReadPayload(byte[] payload, byte peerRole) =>
        HandshakePayloadCodec.ReadPayload(
            payload,
            _settings,
            _identityKey,
            _noise.RemoteStaticPublicKey!.Value.Span,
            _noise.PayloadHandshakeHash.Span,
            peerRole);

    private HandshakeResult Complete(Wire.HandshakePayload remote)
    {
        var (send, receive) = _noise.Split();
        var identity = remote.IdentityKey.ToByteArray();
        return new HandshakeResult
        {
            IsInitiator = IsInitiator,
            RemoteIdentityKey = identity,
            RemoteNodeId = NodeId.FromPublicKey(identity),
            RemoteStaticKey = _noise.RemoteStaticPublicKey!.Value.ToArray(),
            RemoteSealingKey = remote.SealingKey.ToByteArray(),
            RemoteName = remote.Name,
            ProtocolVersion = _version,
            RemoteCapabilities = remote.Capabilities.ToArray(),
            HandshakeHash = _noise.GetHandshakeHash(),
            Send = send,
            Receive = receive,
        };
    }

    private static void Validate(LinkHandshakeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings.Identity);
        ArgumentNullException.ThrowIfNull(settings.Random);
        ArgumentNullException.ThrowIfNull(settings.Capabilities);

        if (!settings.StaticPrivateKey.IsEmpty && settings.StaticPrivateKey.Length != X25519.KeySize)
        {
            throw new ArgumentException($"StaticPrivateKey must be empty or {X25519.KeySize} bytes.", nameof(settings));
        }

        if (settings.MinVersion == 0 || settings.MinVersion > settings.MaxVersion)
        {
            throw new ArgumentException("Versions must satisfy 1 <= MinVersion <= MaxVersion.", nameof(settings));
        }

        if (System.Text.Encoding.UTF8.GetByteCount(settings.DisplayName) > MaxNameBytes
            || settings.Capabilities.Count > MaxCapabilities
            || settings.Capabilities.Any(c => System.Text.Encoding.UTF8.GetByteCount(c) > MaxCapabilityBytes))
        {
            throw new ArgumentException($"DisplayName is at most {MaxNameBytes} bytes; at most {MaxCapabilities} capabilities of {MaxCapabilityBytes} bytes.", nameof(settings));
        }
    }
}
