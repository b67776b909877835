using System.Buffers.Binary;

namespace MeshNode.Protocol.Tests.Fuzz;

/// <summary>Seeded mutations of valid inputs: bit flips, truncations, splices, length-field and varint edits, random bytes.</summary>
internal sealed class Mutator(int seed)
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0A, 0x12, 0x1A, 0x22, 0x08, 0x10];
    private readonly Random _random = new(seed);

    /// <summary>A sample of the target's own kind, unchanged one time in ten, else mutated 1-3 times (splicing from <paramref name="spliceFrom"/>).</summary>
    public byte[] Next(byte[][] samples, byte[][] spliceFrom)
    {
        var data = samples[_random.Next(samples.Length)];
        var rounds = _random.Next(10) == 0 ? 0 : 1 + _random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            data = Mutate(data, spliceFrom);
        }

        return data;
    }

    private byte[] Mutate(byte[] input, byte[][] corpus)
    {
        var data = (byte[])input.Clone();
        switch (_random.Next(9))
        {
            case 0:
                return RandomBytes(_random.Next(0, 300));
            case 1 when data.Length > 0:
                for (var flips = 1 + _random.Next(8); flips > 0; flips--)
                {
                    var bit = _random.Next(data.Length * 8);
                    data[bit / 8] ^= (byte)(1 << (bit % 8));
                }

                return data;
            case 2:
                return data[.._random.Next(data.Length + 1)];
            case 3:
                var other = corpus[_random.Next(corpus.Length)];
                var cut = _random.Next(data.Length + 1);
                var from = _random.Next(other.Length + 1);
                return [.. data[..cut], .. other[from..]];
            case 4 when data.Length >= 2:
                // The 2-byte frame length, or any pair of bytes read as one.
                var at = _random.Next(2) == 0 ? 0 : _random.Next(data.Length - 1);
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), (ushort)_random.Next(ushort.MaxValue + 1));
                return data;
            case 5 when data.Length > 0:
                data[_random.Next(data.Length)] = Interesting[_random.Next(Interesting.Length)];
                return data;
            case 6:
                // A huge varint: a protobuf length or count far beyond the input.
                var pos = _random.Next(data.Length + 1);
                byte[] varint = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F];
                return [.. data[..pos], .. varint[.._random.Next(1, 6)], .. data[pos..]];
            case 7 when data.Length > 0:
                var start = _random.Next(data.Length);
                var length = _random.Next(1, Math.Min(64, data.Length - start) + 1);
                var insertAt = _random.Next(data.Length + 1);
                return [.. data[..insertAt], .. data.AsSpan(start, length), .. data[insertAt..]];
            default:
                var insert = _random.Next(data.Length + 1);
                return [.. data[..insert], .. RandomBytes(_random.Next(1, 16)), .. data[insert..]];
        }
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
