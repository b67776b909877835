using MeshNode.Protocol.Envelopes;

namespace MeshNode.Protocol.Tests.Envelopes;

public class EnvelopeIdTests
{
    [Fact]
    public void Prints_parses_and_round_trips_bytes()
    {
        var bytes = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var id = EnvelopeId.FromBytes(bytes);
        Assert.Equal("0102030405060708090a0b0c0d0e0f10", id.ToString());
        Assert.True(EnvelopeId.TryParse("0102030405060708090A0B0C0D0E0F10", out var parsed));
        Assert.Equal(id, parsed);
        Assert.Equal(bytes, parsed.ToByteArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0102")]
    [InlineData("zz02030405060708090a0b0c0d0e0f10")]
    [InlineData("0x02030405060708090a0b0c0d0e0f10")]
    public void Refuses_text_that_is_not_32_hex_digits(string? text)
    {
        Assert.False(EnvelopeId.TryParse(text, out _));
    }

    [Fact]
    public void Refuses_bytes_of_the_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => EnvelopeId.FromBytes(new byte[15]));
    }
}
