using MeshNode.Core.Routing;

namespace MeshNode.Core.Tests.Routing;

public sealed class NodeKeyTests
{
    private static readonly byte[] Sample = Convert.FromHexString("00112233445566778899aabbccddeeff");

    [Fact]
    public void Round_trips_its_sixteen_bytes()
    {
        var key = new NodeKey(Sample);

        Assert.Equal(Sample, key.ToArray());
    }

    [Fact]
    public void Formats_as_lower_case_hex_and_parses_back()
    {
        var key = new NodeKey(Sample);

        Assert.Equal("00112233445566778899aabbccddeeff", key.ToString());
        Assert.Equal("00112233", key.ToShortString());
        Assert.Equal(key, NodeKey.Parse("00112233445566778899AABBCCDDEEFF"));
    }

    [Fact]
    public void Equal_bytes_are_equal_keys_with_equal_hashes()
    {
        var a = new NodeKey(Sample);
        var b = new NodeKey((byte[])Sample.Clone());
        var c = new NodeKey(0, 1);

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Single(new HashSet<NodeKey> { a, b });
    }

    [Fact]
    public void Orders_bytes_as_unsigned_from_the_first()
    {
        var low = new NodeKey(Convert.FromHexString("7fffffffffffffffffffffffffffffff"));
        var high = new NodeKey(Convert.FromHexString("80000000000000000000000000000000"));
        var lowTail = new NodeKey(Convert.FromHexString("800000000000000000000000000000ff"));

        Assert.True(low < high);
        Assert.True(high < lowTail);
        Assert.Equal(-1, low.CompareTo(high));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(0)]
    public void Rejects_a_span_that_is_not_sixteen_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => new NodeKey(new byte[length]));
    }

    [Theory]
    [InlineData("0011")]
    [InlineData("zz112233445566778899aabbccddeeff")]
    public void Rejects_text_that_is_not_thirty_two_hex_digits(string text)
    {
        Assert.Throws<FormatException>(() => NodeKey.Parse(text));
    }

    [Fact]
    public void Message_ids_round_trip_and_compare_by_value()
    {
        var id = new MessageId(Sample);

        Assert.Equal(Sample, id.ToArray());
        Assert.Equal(id, new MessageId((byte[])Sample.Clone()));
        Assert.Throws<ArgumentException>(() => new MessageId(new byte[8]));
    }
}
