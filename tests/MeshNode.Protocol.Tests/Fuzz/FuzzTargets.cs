using System.Buffers;
using System.Text;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Framing;

namespace MeshNode.Protocol.Tests.Fuzz;

/// <summary>Every public decoder that reads network input, each fed one fuzz input.</summary>
internal static class FuzzTargets
{
    private static readonly LengthPrefixFramer Framer = new(4096);
    private static readonly LinkFrameLimits LinkLimits = LinkFrameLimits.Default;

    /// <summary>Each decoder with the valid samples of its own kind.</summary>
    public static IReadOnlyList<(string Name, Func<FuzzCorpus, byte[][]> Samples, Func<FuzzCorpus, byte[], bool> Run)> All { get; } =
    [
        ("framer-span", c => c.Frames, (_, d) => ReadAllFrames(d)),
        ("framer-sequence", c => c.Frames, (_, d) => ReadAllFramesFromSequence(d)),
        ("framer-single", c => c.Frames, (_, d) => Framer.DecodeSingle(d).Length >= 0),
        ("link-frame", c => c.LinkFrames, (_, d) => LinkFrameCodec.Decode(d, LinkLimits) is not null),
        ("envelope", c => c.Envelopes, (_, d) => Envelope(d)),
        ("announce", c => c.Announces, (c, d) => AnnounceCodec.Verify(d, c.Time, AnnounceLimits.Default) is not null),
        ("fernet-bytes", c => c.FernetTokens, (c, d) => c.Fernet.DecryptBytes(d, TimeSpan.FromHours(1)) is not null),
        ("fernet-text", c => c.FernetTexts, (c, d) => c.Fernet.Decrypt(Encoding.Latin1.GetString(d), null) is not null),
        ("body", c => c.TypedBodies, (_, d) => d.Length > 0 && BodyCodec.Decode((EnvelopeBodyType)d[0], d.AsSpan(1), BodyLimits.Default) is not null),
        ("network-body", c => c.NetworkBodies, (c, d) => BodyProtector.OpenFromNetwork(d, c.Fernet, null) is not null),
        ("sealed-body", c => c.SealedBodies, (_, d) => BodyProtector.UnwrapSealed(d).Length >= 0),
        ("e2e-body", c => c.SealedBodies, (c, d) => BodyProtector.OpenFromSender(d, c.Recipient, c.Identity.PublicKey.Span) is not null),
    ];

    private static bool ReadAllFrames(byte[] data)
    {
        ReadOnlySpan<byte> rest = data;
        var any = false;
        while (Framer.TryReadFrame(rest, out var frame, out var consumed))
        {
            any = true;
            _ = LinkFrameCodec.Decode(frame, LinkLimits);
            rest = rest[consumed..];
        }

        return any;
    }

    private static bool ReadAllFramesFromSequence(byte[] data)
    {
        var half = data.Length / 2;
        var buffer = Framing.SegmentedSequence.Create(data[..half], data[half..]);
        var any = false;
        while (Framer.TryReadFrame(ref buffer, out var frame))
        {
            any = true;
            _ = frame.ToArray();
        }

        return any;
    }

    private static bool Envelope(byte[] data)
    {
        var envelope = EnvelopeCodec.Verify(data, EnvelopeLimits.Default);
        if (EnvelopeCodec.TryIncrementHop(envelope, out var relayed))
        {
            _ = EnvelopeCodec.Verify(relayed.Encoded, EnvelopeLimits.Default);
        }

        return true;
    }
}
