using MeshNode.Cli.Headless;

namespace MeshNode.Cli.Tests.Headless;

public sealed class BoundedLineReaderTests
{
    [Fact]
    public async Task Reads_lf_and_crlf_lines_and_a_last_line_without_a_break()
    {
        var reader = new BoundedLineReader(new StringReader("one\ntwo\r\nthree"), 100);

        Assert.Equal("one", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("two", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("three", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Null(await reader.ReadLineAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cuts_an_over_long_line_to_limit_plus_one_and_continues_with_the_next()
    {
        var huge = new string('z', 1_000_000);
        var reader = new BoundedLineReader(new StringReader(huge + "\r\n/peers\n"), 10);

        var first = await reader.ReadLineAsync(CancellationToken.None);
        var second = await reader.ReadLineAsync(CancellationToken.None);

        Assert.Equal(11, first!.Length);
        Assert.Equal("/peers", second);
    }

    [Fact]
    public async Task Keeps_a_line_of_exactly_the_limit_with_crlf()
    {
        var reader = new BoundedLineReader(new StringReader("0123456789\r\n"), 10);

        Assert.Equal("0123456789", await reader.ReadLineAsync(CancellationToken.None));
    }
}
