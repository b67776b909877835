namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// Frames and bytes one node wrote to all its links, read off the 2-byte length prefix of every
/// Noise message (the link framing), split by size: small frames are keepalives and other link
/// control, large ones carry envelopes (link-state, chat) or peer exchange.
/// </summary>
internal sealed class TrafficCounter
{
    /// <summary>Frames with at most this many ciphertext bytes count as link control (ping, pong, credit: well under 64).</summary>
    public const int SmallFrameBytes = 64;

    private long _smallFrames;
    private long _largeFrames;
    private long _bytes;

    public long SmallFrames => Interlocked.Read(ref _smallFrames);

    public long LargeFrames => Interlocked.Read(ref _largeFrames);

    public long Bytes => Interlocked.Read(ref _bytes);

    public Snapshot Take() => new(SmallFrames, LargeFrames, Bytes);

    public void Frame(int length)
    {
        Interlocked.Add(ref _bytes, length + 2);
        if (length <= SmallFrameBytes)
        {
            Interlocked.Increment(ref _smallFrames);
        }
        else
        {
            Interlocked.Increment(ref _largeFrames);
        }
    }

    /// <summary>Counts at one moment; subtract two to get a window.</summary>
    public readonly record struct Snapshot(long SmallFrames, long LargeFrames, long Bytes)
    {
        public static Snapshot operator -(Snapshot a, Snapshot b) =>
            new(a.SmallFrames - b.SmallFrames, a.LargeFrames - b.LargeFrames, a.Bytes - b.Bytes);

        public static Snapshot operator +(Snapshot a, Snapshot b) =>
            new(a.SmallFrames + b.SmallFrames, a.LargeFrames + b.LargeFrames, a.Bytes + b.Bytes);
    }
}
