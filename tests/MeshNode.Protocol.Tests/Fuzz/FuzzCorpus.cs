using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Framing;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Tests.Wire;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Tests.Fuzz;

/// <summary>Valid inputs of every kind the decoders accept; the fuzzer mutates them.</summary>
internal sealed class FuzzCorpus : IDisposable
{
    public FuzzCorpus(int seed)
    {
        var random = new SeededRandomSource(seed);
        Time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        Identity = NodeIdentity.Generate(random);
        Recipient = NodeIdentity.Generate(random);
        Network = NetworkKey.Derive("fuzz passphrase", NetworkKey.NewSalt(random), NetworkKey.MinIterations);
        Fernet = Network.CreateCodec(Time, random);

        var bodies = new EnvelopeBody[]
        {
            new ChatBody("hello mesh", 1, Protocol.Envelopes.Bodies.ChatScope.All),
            new DeliveryReceiptBody([new EnvelopeId(1), new EnvelopeId(2)], 3),
            new LinkStateBody(Identity.Id, 9, [new LinkNeighbour(Identity.Id, 1200)], 4, Identity.SealingPublicKey, "fuzz"),
            new TraceRequestBody(5, 6),
            new TraceReplyBody(5, 2, [new LinkNeighbour(Identity.Id, 1)], 6, 7),
            new FileOfferBody(8, "a.txt", 100, new byte[32], 64, "text/plain"),
            new FileAcceptBody(8, [new ChunkRange(0, 1)]),
            new FileChunkBody(8, 0, new byte[64]),
            new ChunkAckBody(8, [new ChunkRange(0, 1)], [new ChunkRange(1, 1)]),
            new FileCancelBody(8, TransferCancelReason.User, "stop"),
            new CallSignalBody(10, CallSignalType.Ring, "pcmu/8000"),
            new MediaFrameBody(10, 1, 160, new byte[160]),
        };
        Bodies = bodies.Select(BodyCodec.Encode).ToArray();

        var envelopes = new List<byte[]>();
        foreach (var (type, bytes) in Bodies)
        {
            var link = new EnvelopeDraft(null, type, EnvelopeProtection.Link, bytes, 8);
            envelopes.Add(EnvelopeCodec.Create(Identity, link, Time, random, EnvelopeLimits.Default).Encoded.ToArray());
            var sealedDraft = new EnvelopeDraft(Identity.Id, type, EnvelopeProtection.Network, BodyProtector.SealForNetwork(bytes, Fernet), 3);
            envelopes.Add(EnvelopeCodec.Create(Identity, sealedDraft, Time, random, EnvelopeLimits.Default).Encoded.ToArray());
        }

        Envelopes = envelopes.ToArray();
        Announces =
        [
            AnnounceCodec.Sign(Identity, "fuzz", [new PeerEndpoint("10.0.0.1", 7400)], null, Time),
            AnnounceCodec.Sign(Identity, "fuzz-network", [new PeerEndpoint("fe80::1", 1), new PeerEndpoint("host.lan", 65535)], Network, Time),
        ];
        FernetTokens = [Fernet.EncryptToBytes("fuzz"u8), Fernet.EncryptToBytes(new byte[100]), Fernet.EncryptToBytes([])];
        LinkFrames =
        [
            LinkFrameCodec.Encode(new EnvelopeFrame(Envelopes[0])),
            LinkFrameCodec.Encode(new PingFrame(1, 2)),
            LinkFrameCodec.Encode(new PongFrame(1, 2)),
            LinkFrameCodec.Encode(new FlowCreditFrame(3, 4)),
            LinkFrameCodec.Encode(new PeerExchangeFrame([new ExchangedPeer(Identity.Id, [new PeerEndpoint("10.0.0.2", 7400)], 5, Announces[0])])),
            LinkFrameCodec.Encode(new CloseFrame(LinkCloseReason.UnsupportedVersion, "v1 only", 1, 1)),
            LinkFrameCodec.Encode(new BroadcastDigestFrame([new(Identity.Id, new EnvelopeId(1)), new(Recipient.Id, new EnvelopeId(2))])),
            LinkFrameCodec.Encode(new BroadcastPullFrame([new(Identity.Id, new EnvelopeId(3))])),
        ];
        var framer = new LengthPrefixFramer(LinkFrameLimits.DefaultMaxFrameSize);
        Frames = LinkFrames.Select(f => framer.Encode(f)).Concat([framer.Encode(LinkFrames[1]).Concat(framer.Encode(LinkFrames[2])).ToArray()]).ToArray();
        FernetTexts = FernetTokens.Select(t => System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(t).Replace('+', '-').Replace('/', '_'))).ToArray();
        TypedBodies = Bodies.Select(b => (byte[])[(byte)b.Type, .. b.Bytes]).ToArray();
        NetworkBodies = Bodies.Select(b => BodyProtector.SealForNetwork(b.Bytes, Fernet)).ToArray();
        SealedBodies = Bodies.Select(b => BodyProtector.SealForRecipient(b.Bytes, Identity, Recipient.SealingPublicKey.Span, random)).ToArray();
        All = [.. Frames, .. LinkFrames, .. Envelopes, .. Announces, .. FernetTokens, .. Bodies.Select(b => b.Bytes)];
    }

    public ManualTimeProvider Time { get; }

    public NodeIdentity Identity { get; }

    public NodeIdentity Recipient { get; }

    public NetworkKey Network { get; }

    public FernetCodec Fernet { get; }

    public (EnvelopeBodyType Type, byte[] Bytes)[] Bodies { get; }

    public byte[][] Envelopes { get; }

    public byte[][] Announces { get; }

    public byte[][] FernetTokens { get; }

    public byte[][] LinkFrames { get; }

    public byte[][] Frames { get; }

    public byte[][] FernetTexts { get; }

    public byte[][] TypedBodies { get; }

    public byte[][] NetworkBodies { get; }

    public byte[][] SealedBodies { get; }

    public byte[][] All { get; }

    public void Dispose()
    {
        Fernet.Dispose();
        Network.Dispose();
        Identity.Dispose();
        Recipient.Dispose();
    }
}
