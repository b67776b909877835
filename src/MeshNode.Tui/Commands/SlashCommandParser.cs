using System.Globalization;

namespace MeshNode.Tui.Commands;

/// <summary>
/// Parses typed lines into <see cref="SlashCommand"/>s: one grammar for headless mode (<see cref="Parse"/>,
/// every line a slash command) and the terminal UI (<see cref="ParseInput"/>, plain text is chat).
/// Pure: no I/O, never throws on input; every refusal is a message for the user (an <c>error</c>
/// event in headless mode, a notice in the terminal UI).
/// </summary>
public static class SlashCommandParser
{
    /// <summary>Longest accepted line, in characters. Longer lines are refused whole (the reader discards their rest).</summary>
    public const int MaxLineLength = 16 * 1024;

    /// <summary>Usage of every command, as <c>/help</c> lists it.</summary>
    public static IReadOnlyList<string> Usage { get; } =
    [
        "/all TEXT",
        "/msg NAME|ID TEXT",
        "/peers",
        "/topology",
        "/trace NAME|ID",
        "/connect HOST:PORT",
        "/trust NAME|ID FINGERPRINT",
        "/as N (lab only)",
        "/help",
        "/quit",
    ];

    /// <summary>
    /// Parses one line typed in the terminal UI: a line starting with '/' is a slash command as in
    /// <see cref="Parse"/>; any other text is <see cref="SlashCommand.Say"/> for the active tab, and a
    /// leading "//" sends text that starts with '/' (the first '/' is dropped).
    /// </summary>
    /// <param name="line">The submitted input line.</param>
    /// <returns>The command, nothing for a blank line, or an error.</returns>
    public static SlashParseResult ParseInput(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > MaxLineLength)
        {
            return SlashParseResult.Fail($"line longer than {MaxLineLength} characters refused");
        }

        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return SlashParseResult.Nothing;
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            trimmed = trimmed[1..];
        }
        else if (trimmed[0] == '/')
        {
            return Parse(trimmed);
        }

        return trimmed.Any(c => char.IsControl(c) && c != '\t')
            ? SlashParseResult.Fail("line contains control characters; refused")
            : SlashParseResult.Of(new SlashCommand.Say(trimmed));
    }

    /// <summary>Parses one headless line (without its line break): every line must be a slash command.</summary>
    /// <param name="line">The line as read; may be null for end of input.</param>
    /// <returns>The command, nothing for a blank line, or an error.</returns>
    public static SlashParseResult Parse(string? line)
    {
        if (line is null)
        {
            return SlashParseResult.Of(new SlashCommand.Quit());
        }

        if (line.Length > MaxLineLength)
        {
            return SlashParseResult.Fail($"line longer than {MaxLineLength} characters refused");
        }

        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return SlashParseResult.Nothing;
        }

        if (trimmed.Any(c => char.IsControl(c) && c != '\t'))
        {
            return SlashParseResult.Fail("line contains control characters; refused");
        }

        if (trimmed[0] != '/')
        {
            return SlashParseResult.Fail("commands start with '/'; to chat with everyone type /all TEXT (see /help)");
        }

        var space = trimmed.IndexOfAny([' ', '\t']);
        var verb = (space < 0 ? trimmed[1..] : trimmed[1..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        return verb switch
        {
            "all" => rest.Length == 0 ? Missing("/all TEXT") : SlashParseResult.Of(new SlashCommand.SendAll(rest)),
            "msg" => ParseDirect(rest),
            "peers" => NoArguments("/peers", rest, new SlashCommand.Peers()),
            "topology" => NoArguments("/topology", rest, new SlashCommand.Topology()),
            "trace" => OneWord("/trace NAME|ID", rest, w => new SlashCommand.Trace(w)),
            "connect" => OneWord("/connect HOST:PORT", rest, w => new SlashCommand.Connect(w)),
            "trust" => ParseTrust(rest),
            "as" => ParseAs(rest),
            "help" => SlashParseResult.Of(new SlashCommand.Help()),
            "quit" or "exit" => SlashParseResult.Of(new SlashCommand.Quit()),
            _ => SlashParseResult.Fail($"unknown command '/{Shorten(verb)}' (see /help)"),
        };
    }

    private static SlashParseResult ParseDirect(string rest)
    {
        var (target, text) = SplitWord(rest);
        return target.Length == 0 || text.Length == 0
            ? Missing("/msg NAME|ID TEXT")
            : SlashParseResult.Of(new SlashCommand.SendDirect(target, text));
    }

    private static SlashParseResult ParseTrust(string rest)
    {
        var (target, fingerprint) = SplitWord(rest);
        return target.Length == 0 || fingerprint.Length == 0
            ? Missing("/trust NAME|ID FINGERPRINT")
            : SlashParseResult.Of(new SlashCommand.Trust(target, fingerprint));
    }

    private static SlashParseResult ParseAs(string rest)
    {
        if (rest.Length == 0)
        {
            return Missing("/as N");
        }

        return int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var node)
            ? SlashParseResult.Of(new SlashCommand.SpeakAs(node))
            : SlashParseResult.Fail($"/as needs a node number, got '{Shorten(rest)}'");
    }

    private static SlashParseResult OneWord(string usage, string rest, Func<string, SlashCommand> make)
    {
        if (rest.Length == 0)
        {
            return Missing(usage);
        }

        var (word, extra) = SplitWord(rest);
        return extra.Length > 0
            ? SlashParseResult.Fail($"too many arguments; usage: {usage}")
            : SlashParseResult.Of(make(word));
    }

    private static SlashParseResult NoArguments(string usage, string rest, SlashCommand command) =>
        rest.Length > 0 ? SlashParseResult.Fail($"{usage} takes no arguments") : SlashParseResult.Of(command);

    private static SlashParseResult Missing(string usage) => SlashParseResult.Fail($"missing argument; usage: {usage}");

    private static (string Word, string Remainder) SplitWord(string text)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? (text, string.Empty) : (text[..space], text[(space + 1)..].Trim());
    }

    // Error messages echo user input; keep them short so a hostile line cannot make a huge event.
    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "...";
}
