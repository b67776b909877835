using System.Globalization;

namespace MeshNode.Cli.Headless;

/// <summary>
/// Parses headless input lines into <see cref="HeadlessCommand"/>s. Pure: no I/O, never throws on
/// input; every refusal is a message for an <c>error</c> event.
/// </summary>
internal static class HeadlessCommandParser
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

    /// <summary>Parses one line (without its line break).</summary>
    /// <param name="line">The line as read; may be null for end of input.</param>
    /// <returns>The command, nothing for a blank line, or an error.</returns>
    public static HeadlessParseResult Parse(string? line)
    {
        if (line is null)
        {
            return HeadlessParseResult.Of(new HeadlessCommand.Quit());
        }

        if (line.Length > MaxLineLength)
        {
            return HeadlessParseResult.Fail($"line longer than {MaxLineLength} characters refused");
        }

        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return HeadlessParseResult.Nothing;
        }

        if (trimmed.Any(c => char.IsControl(c) && c != '\t'))
        {
            return HeadlessParseResult.Fail("line contains control characters; refused");
        }

        if (trimmed[0] != '/')
        {
            return HeadlessParseResult.Fail("commands start with '/'; to chat with everyone type /all TEXT (see /help)");
        }

        var space = trimmed.IndexOfAny([' ', '\t']);
        var verb = (space < 0 ? trimmed[1..] : trimmed[1..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        return verb switch
        {
            "all" => rest.Length == 0 ? Missing("/all TEXT") : HeadlessParseResult.Of(new HeadlessCommand.SendAll(rest)),
            "msg" => ParseDirect(rest),
            "peers" => NoArguments("/peers", rest, new HeadlessCommand.Peers()),
            "topology" => NoArguments("/topology", rest, new HeadlessCommand.Topology()),
            "trace" => OneWord("/trace NAME|ID", rest, w => new HeadlessCommand.Trace(w)),
            "connect" => OneWord("/connect HOST:PORT", rest, w => new HeadlessCommand.Connect(w)),
            "trust" => ParseTrust(rest),
            "as" => ParseAs(rest),
            "help" => HeadlessParseResult.Of(new HeadlessCommand.Help()),
            "quit" or "exit" => HeadlessParseResult.Of(new HeadlessCommand.Quit()),
            _ => HeadlessParseResult.Fail($"unknown command '/{Shorten(verb)}' (see /help)"),
        };
    }

    private static HeadlessParseResult ParseDirect(string rest)
    {
        var (target, text) = SplitWord(rest);
        return target.Length == 0 || text.Length == 0
            ? Missing("/msg NAME|ID TEXT")
            : HeadlessParseResult.Of(new HeadlessCommand.SendDirect(target, text));
    }

    private static HeadlessParseResult ParseTrust(string rest)
    {
        var (target, fingerprint) = SplitWord(rest);
        return target.Length == 0 || fingerprint.Length == 0
            ? Missing("/trust NAME|ID FINGERPRINT")
            : HeadlessParseResult.Of(new HeadlessCommand.Trust(target, fingerprint));
    }

    private static HeadlessParseResult ParseAs(string rest)
    {
        if (rest.Length == 0)
        {
            return Missing("/as N");
        }

        return int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var node)
            ? HeadlessParseResult.Of(new HeadlessCommand.SpeakAs(node))
            : HeadlessParseResult.Fail($"/as needs a node number, got '{Shorten(rest)}'");
    }

    private static HeadlessParseResult OneWord(string usage, string rest, Func<string, HeadlessCommand> make)
    {
        if (rest.Length == 0)
        {
            return Missing(usage);
        }

        var (word, extra) = SplitWord(rest);
        return extra.Length > 0
            ? HeadlessParseResult.Fail($"too many arguments; usage: {usage}")
            : HeadlessParseResult.Of(make(word));
    }

    private static HeadlessParseResult NoArguments(string usage, string rest, HeadlessCommand command) =>
        rest.Length > 0 ? HeadlessParseResult.Fail($"{usage} takes no arguments") : HeadlessParseResult.Of(command);

    private static HeadlessParseResult Missing(string usage) => HeadlessParseResult.Fail($"missing argument; usage: {usage}");

    private static (string Word, string Remainder) SplitWord(string text)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? (text, string.Empty) : (text[..space], text[(space + 1)..].Trim());
    }

    // Error messages echo user input; keep them short so a hostile line cannot make a huge event.
    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "...";
}
