using MeshNode.Core.Transport;

namespace MeshNode.Core.Tests.Transport;

public sealed class TransportEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:4000", "127.0.0.1", 4000)]
    [InlineData("node-a:0", "node-a", 0)]
    [InlineData("[::1]:65535", "::1", 65535)]
    [InlineData("  example.org:80 ", "example.org", 80)]
    public void Parses_host_and_port(string text, string host, int port)
    {
        var endpoint = TransportEndpoint.Parse(text);

        Assert.Equal(new TransportEndpoint(host, port), endpoint);
    }

    [Theory]
    [InlineData("127.0.0.1:4000")]
    [InlineData("[::1]:7")]
    [InlineData("[fe80::1]:9000")]
    public void Prints_what_it_parses(string text)
    {
        Assert.Equal(text, TransportEndpoint.Parse(text).ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("host", "no port")]
    [InlineData(":80", "no host")]
    [InlineData("host:http", "not a number")]
    [InlineData("host:70000", "not a number from 0 to 65535")]
    [InlineData("::1:80", "needs brackets")]
    [InlineData("[::1:80", "closing ']'")]
    [InlineData("[::1]80", "after ']'")]
    [InlineData("[host]:80", "not an IPv6 address")]
    [InlineData("host:-1", "not a number")]
    public void Rejects_bad_text_saying_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TransportEndpoint.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(TransportEndpoint.TryParse(text, out _));
    }

    [Fact]
    public void Rejects_a_port_out_of_range_in_the_constructor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransportEndpoint("h", 65536));
        Assert.Throws<ArgumentException>(() => new TransportEndpoint(" ", 1));
    }

    [Fact]
    public void Unmaps_IPv4_mapped_IPv6_addresses()
    {
        var mapped = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("::ffff:10.0.0.1"), 5);

        Assert.Equal("10.0.0.1:5", TransportEndpoint.FromIPEndPoint(mapped).ToString());
    }
}
