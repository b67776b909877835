using MeshNode.Tui.Commands;

namespace MeshNode.Tui.Tests.Commands;

public sealed class SlashCommandParserTests
{
    [Theory]
    [InlineData("/all hello world", "hello world")]
    [InlineData("  /all   spaced out  ", "spaced out")]
    [InlineData("/ALL shouting", "shouting")]
    public void Parses_all_with_its_text(string line, string text)
    {
        var result = SlashCommandParser.Parse(line);

        Assert.Equal(new SlashCommand.SendAll(text), result.Command);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Parses_msg_with_target_and_text()
    {
        var result = SlashCommandParser.Parse("/msg node-2 hi there");

        Assert.Equal(new SlashCommand.SendDirect("node-2", "hi there"), result.Command);
    }

    [Theory]
    [InlineData("/peers")]
    [InlineData("/topology")]
    [InlineData("/help")]
    [InlineData("/quit")]
    public void Parses_commands_without_arguments(string line)
    {
        var result = SlashCommandParser.Parse(line);

        Assert.NotNull(result.Command);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Parses_trace_connect_trust_and_as()
    {
        Assert.Equal(new SlashCommand.Trace("node-1"), SlashCommandParser.Parse("/trace node-1").Command);
        Assert.Equal(new SlashCommand.Connect("127.0.0.1:9999"), SlashCommandParser.Parse("/connect 127.0.0.1:9999").Command);
        Assert.Equal(new SlashCommand.Trust("bob", "abcd-ef01"), SlashCommandParser.Parse("/trust bob abcd-ef01").Command);
        Assert.Equal(new SlashCommand.SpeakAs(3), SlashCommandParser.Parse("/as 3").Command);
    }

    [Fact]
    public void End_of_input_means_quit()
    {
        Assert.Equal(new SlashCommand.Quit(), SlashCommandParser.Parse(null).Command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Ignores_blank_lines(string line)
    {
        var result = SlashCommandParser.Parse(line);

        Assert.Null(result.Command);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("/all", "usage: /all TEXT")]
    [InlineData("/all   ", "usage: /all TEXT")]
    [InlineData("/msg", "usage: /msg")]
    [InlineData("/msg bob", "usage: /msg")]
    [InlineData("/trace", "usage: /trace")]
    [InlineData("/connect", "usage: /connect")]
    [InlineData("/trust bob", "usage: /trust")]
    [InlineData("/as", "usage: /as")]
    public void Refuses_missing_arguments_with_the_usage(string line, string expected)
    {
        var result = SlashCommandParser.Parse(line);

        Assert.Null(result.Command);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/as -1")]
    [InlineData("/as two")]
    [InlineData("/as 99999999999999")]
    [InlineData("/peers now")]
    [InlineData("/trace a b")]
    public void Refuses_bad_arguments(string line)
    {
        var result = SlashCommandParser.Parse(line);

        Assert.Null(result.Command);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Refuses_unknown_commands_and_quotes_them_shortened()
    {
        var result = SlashCommandParser.Parse("/" + new string('x', 1000));

        Assert.Null(result.Command);
        Assert.StartsWith("unknown command '/xxxx", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 100);
    }

    [Fact]
    public void Refuses_text_without_a_slash()
    {
        var result = SlashCommandParser.Parse("hello");

        Assert.Null(result.Command);
        Assert.Contains("/all TEXT", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/all bell\a")]
    [InlineData("/all esc\u001b[31mred")]
    [InlineData("/all nul\0byte")]
    [InlineData("/msg bob \u0085next")]
    public void Refuses_control_characters(string line)
    {
        var result = SlashCommandParser.Parse(line);

        Assert.Null(result.Command);
        Assert.Contains("control characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_line_over_the_limit_and_accepts_one_at_it()
    {
        var prefix = "/all ";
        var atLimit = prefix + new string('a', SlashCommandParser.MaxLineLength - prefix.Length);
        var overLimit = atLimit + "a";

        Assert.IsType<SlashCommand.SendAll>(SlashCommandParser.Parse(atLimit).Command);
        Assert.Contains("longer than", SlashCommandParser.Parse(overLimit).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello mesh", "hello mesh")]
    [InlineData("  padded  ", "padded")]
    [InlineData("//slash at the start", "/slash at the start")]
    public void Input_line_without_a_command_is_chat_for_the_active_tab(string line, string text)
    {
        var result = SlashCommandParser.ParseInput(line);

        Assert.Equal(new SlashCommand.Say(text), result.Command);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Input_line_with_a_slash_uses_the_headless_grammar()
    {
        Assert.Equal(new SlashCommand.SpeakAs(2), SlashCommandParser.ParseInput("/as 2").Command);
        Assert.Equal(new SlashCommand.SendDirect("bob", "hi"), SlashCommandParser.ParseInput("/msg bob hi").Command);
        Assert.StartsWith("unknown command", SlashCommandParser.ParseInput("/nope").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_input_line_does_nothing(string line)
    {
        Assert.Equal(SlashParseResult.Nothing, SlashCommandParser.ParseInput(line));
    }

    [Fact]
    public void Input_line_with_control_characters_or_over_the_limit_is_refused()
    {
        Assert.Contains("control characters", SlashCommandParser.ParseInput("esc\u001b[2Jclear").Error, StringComparison.Ordinal);
        Assert.Contains("longer than", SlashCommandParser.ParseInput(new string('a', SlashCommandParser.MaxLineLength + 1)).Error, StringComparison.Ordinal);
    }
}
