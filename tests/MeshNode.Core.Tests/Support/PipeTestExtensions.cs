using System.Buffers;
using System.IO.Pipelines;

namespace MeshNode.Core.Tests.Support;

internal static class PipeTestExtensions
{
    /// <summary>How long a test waits for something that should happen; generous for slow CI.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task<byte[]> ReadExactlyAsync(this PipeReader reader, int count)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await reader.ReadAsync().AsTask().WaitAsync(Patience);
            var take = (int)Math.Min(read.Buffer.Length, count - filled);
            read.Buffer.Slice(0, take).CopyTo(result.AsSpan(filled));
            filled += take;
            reader.AdvanceTo(read.Buffer.GetPosition(take));
            if (filled < count && read.IsCompleted)
            {
                throw new EndOfStreamException($"Stream ended after {filled} of {count} bytes.");
            }
        }

        return result;
    }

    public static async Task<byte[]> ReadToEndAsync(this PipeReader reader)
    {
        var all = new ArrayBufferWriter<byte>();
        while (true)
        {
            var read = await reader.ReadAsync().AsTask().WaitAsync(Patience);
            foreach (var segment in read.Buffer)
            {
                all.Write(segment.Span);
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return all.WrittenSpan.ToArray();
            }
        }
    }

    public static async Task WriteAllAsync(this PipeWriter writer, ReadOnlyMemory<byte> data, int chunk)
    {
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            var flush = await writer.WriteAsync(data.Slice(offset, Math.Min(chunk, data.Length - offset)));
            if (flush.IsCompleted)
            {
                throw new InvalidOperationException("The reader went away.");
            }
        }
    }

    public static byte[] SeededBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
