using MeshNode.Tui.Model;

namespace MeshNode.Tui.Tests.Model;

public sealed class TextSanitizerTests
{
    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", "red")]
    [InlineData("\u001b]0;title\u0007after", "after")]
    [InlineData("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "link")]
    [InlineData("a\u009b2Jb", "ab")]
    [InlineData("bell\u0007\0null\bback", "bellnullback")]
    [InlineData("\u202eevil\u202c", "evil")]
    [InlineData("zero\u200bwidth\ufeff", "zerowidth")]
    [InlineData("tab\tbed", "tab bed")]
    [InlineData("[red]markup[/]", "[red]markup[/]")]
    [InlineData("\u05e9\u05dc\u05d5\u05dd", "\u05e9\u05dc\u05d5\u05dd")]
    [InlineData("\U0001F600 ok", "\U0001F600 ok")]
    [InlineData("\u001b", "")]
    public void Text_loses_escapes_controls_and_invisible_characters(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.Text(input));
    }

    [Fact]
    public void Lone_surrogates_are_dropped()
    {
        Assert.Equal("lone  high low", TextSanitizer.Text("lone \ud800 high \udc00low"));
    }

    [Fact]
    public void Combining_marks_are_capped_so_zalgo_cannot_pile_up()
    {
        var zalgo = "z" + new string('\u0301', 50);

        Assert.Equal("z\u0301\u0301", TextSanitizer.Text(zalgo));
    }

    [Fact]
    public void Names_are_one_line_truncated_and_never_empty()
    {
        Assert.Equal("bob carol", TextSanitizer.Name("bob\ncarol"));
        Assert.Equal(TextSanitizer.MaxNameLength + 1, TextSanitizer.Name(new string('w', 500)).Length);
        Assert.EndsWith("\u2026", TextSanitizer.Name(new string('w', 500)), StringComparison.Ordinal);
        Assert.Equal("ab12", TextSanitizer.Name("\u200b\u001b[1m", "ab12"));
        Assert.Equal("?", TextSanitizer.Name(null));
    }

    [Fact]
    public void Texts_keep_line_breaks_up_to_a_bound_and_are_length_bounded()
    {
        var many = string.Join('\n', Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(TextSanitizer.MaxTextLines - 1, TextSanitizer.Text(many).Count(c => c == '\n'));
        Assert.Equal(TextSanitizer.MaxTextLength + 1, TextSanitizer.Text(new string('x', 100_000)).Length);
        Assert.Equal("a\nb", TextSanitizer.Text("a\r\nb"));
    }
}
