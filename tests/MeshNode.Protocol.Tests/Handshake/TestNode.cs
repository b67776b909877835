using System.Text;
using Google.Protobuf;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Handshake;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Noise;
using MeshNode.Protocol.Tests.Crypto;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Tests.Handshake;

/// <summary>Keys and settings of one test node, plus a hand-driven responder for attack tests.</summary>
internal sealed class TestNode
{
    public TestNode(string name, int seed)
    {
        Random = new DeterministicRandomSource(seed);
        IdentitySeed = Ed25519.GenerateSeed(Random);
        IdentityKey = Ed25519.PublicKeyFrom(IdentitySeed);
        StaticPrivate = X25519.GeneratePrivateKey(Random);
        StaticPublic = X25519.PublicKeyFrom(StaticPrivate);
        SealingPrivate = X25519.GeneratePrivateKey(Random);
        SealingPublic = X25519.PublicKeyFrom(SealingPrivate);
        Name = name;
        Identity = NodeIdentity.FromSecrets(IdentitySeed, SealingPrivate);
    }

    public NodeIdentity Identity { get; }

    public DeterministicRandomSource Random { get; }

    public byte[] IdentitySeed { get; }

    public byte[] IdentityKey { get; }

    public byte[] StaticPrivate { get; }

    public byte[] StaticPublic { get; }

    public byte[] SealingPrivate { get; }

    public byte[] SealingPublic { get; }

    public string Name { get; }

    public LinkHandshakeSettings Settings(NetworkKey? network = null) => new()
    {
        Identity = Identity,
        StaticPrivateKey = StaticPrivate,
        DisplayName = Name,
        Capabilities = ["chat", "files"],
        Network = network,
        Random = Random,
    };

    /// <summary>A well-formed payload of this node, as the real code would write it, for tampering.</summary>
    public HandshakePayload Payload(uint version = 1) => new()
    {
        IdentityKey = ByteString.CopyFrom(IdentityKey),
        StaticSignature = ByteString.CopyFrom(Ed25519.Sign(IdentitySeed, Concat("meshnode/v1/noise-static", StaticPublic))),
        SealingKey = ByteString.CopyFrom(SealingPublic),
        SealingSignature = ByteString.CopyFrom(Ed25519.Sign(IdentitySeed, Concat("meshnode/v1/sealing-key", SealingPublic))),
        Name = Name,
        ProtocolVersion = version,
    };

    /// <summary>A responder driven by hand: reads message 1 and answers with whatever payload the test builds.</summary>
    public HandshakeState RawResponder(byte[]? tag = null) =>
        new(
            NoiseProtocol.XXChaChaPolySha256,
            initiator: false,
            Concat("meshnode/v1", tag ?? []),
            Random,
            localStatic: StaticPrivate);

    public static byte[] Concat(string prefix, ReadOnlySpan<byte> value) =>
        [.. Encoding.ASCII.GetBytes(prefix), .. value];
}
