using System.Buffers;

namespace MeshNode.Protocol.Tests.Framing;

/// <summary>Builds multi-segment sequences like a PipeReader hands out, to test reads across segment borders.</summary>
internal sealed class SegmentedSequence : ReadOnlySequenceSegment<byte>
{
    private SegmentedSequence(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Create(params byte[][] segments)
    {
        var first = new SegmentedSequence(segments[0], 0);
        var last = first;
        foreach (var segment in segments.Skip(1))
        {
            var next = new SegmentedSequence(segment, last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
