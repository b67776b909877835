using MeshNode.Protocol.Identity;

namespace MeshNode.Protocol.Tests.Identity;

public class NodeIdTests
{
    // RFC 8032 TEST 1 public key; expected values computed independently with Python hashlib.
    private static readonly byte[] Rfc8032Test1PublicKey =
        Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    [Fact]
    public void Derives_a_stable_id_from_the_public_key()
    {
        var id = NodeId.FromPublicKey(Rfc8032Test1PublicKey);
        Assert.Equal("33c70e060c1fba8c9ded252fd5560013", id.ToString());
        Assert.Equal("33c70e06", id.Short);
    }

    [Fact]
    public void Parses_and_prints_round_trip_and_compares_by_value()
    {
        var id = NodeId.Parse("33C70E060C1FBA8C9DED252FD5560013");
        Assert.Equal(NodeId.FromPublicKey(Rfc8032Test1PublicKey), id);
        Assert.True(id == NodeId.FromBytes(id.ToByteArray()));
        Assert.Equal(id.GetHashCode(), NodeId.FromBytes(id.ToByteArray()).GetHashCode());
        Assert.NotEqual(id, default);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("33c70e06")]
    [InlineData("zzc70e060c1fba8c9ded252fd5560013")]
    [InlineData("33c70e060c1fba8c9ded252fd556001300")]
    public void Refuses_text_that_is_not_32_hex_digits(string? text)
    {
        Assert.False(NodeId.TryParse(text, out _));
    }

    [Fact]
    public void Refuses_bytes_of_the_wrong_length()
    {
        Assert.False(NodeId.TryFromBytes(new byte[15], out _));
        Assert.Throws<ArgumentException>(() => NodeId.FromBytes(new byte[17]));
        Assert.Throws<ArgumentException>(() => NodeId.FromPublicKey(new byte[31]));
    }

    [Fact]
    public void Orders_ids_like_their_bytes()
    {
        var low = NodeId.Parse("00000000000000ff0000000000000000");
        var high = NodeId.Parse("0000000000000100ffffffffffffffff");
        var top = NodeId.Parse("ff000000000000000000000000000000");
        Assert.True(low < high);
        Assert.True(high < top);
        Assert.True(top > low);
        Assert.Equal(0, low.CompareTo(NodeId.Parse("00000000000000FF0000000000000000")));
        Assert.Equal([low, high, top], new[] { top, low, high }.Order().ToArray());
    }
}
