namespace MeshNode.Tui.Commands;

/// <summary>
/// One command typed by the user: a slash command (the same grammar in headless mode and in the
/// terminal UI) or, in the terminal UI only, plain text for the active chat tab. The nested records
/// are the commands; parse lines with <see cref="SlashCommandParser"/>.
/// </summary>
public abstract record SlashCommand
{
    private SlashCommand()
    {
    }

    /// <summary><c>/all TEXT</c>: chat with everyone.</summary>
    /// <param name="Text">The message text.</param>
    public sealed record SendAll(string Text) : SlashCommand;

    /// <summary><c>/msg NAME|ID TEXT</c>: a direct message sealed end to end.</summary>
    /// <param name="Target">Peer name or id (prefix).</param>
    /// <param name="Text">The message text.</param>
    public sealed record SendDirect(string Target, string Text) : SlashCommand;

    /// <summary><c>/peers</c>: list known peers.</summary>
    public sealed record Peers : SlashCommand;

    /// <summary><c>/topology</c>: show the topology graph.</summary>
    public sealed record Topology : SlashCommand;

    /// <summary><c>/trace NAME</c>: the path to a peer.</summary>
    /// <param name="Target">Peer name or id.</param>
    public sealed record Trace(string Target) : SlashCommand;

    /// <summary><c>/connect HOST:PORT</c>: dial a peer.</summary>
    /// <param name="Endpoint">The endpoint as typed; parsed by the transport.</param>
    public sealed record Connect(string Endpoint) : SlashCommand;

    /// <summary><c>/trust NAME FINGERPRINT</c>: accept a peer's current key.</summary>
    /// <param name="Target">Peer name or id.</param>
    /// <param name="Fingerprint">The fingerprint compared out of band.</param>
    public sealed record Trust(string Target, string Fingerprint) : SlashCommand;

    /// <summary><c>/as N</c> (lab only): switch which node the commands speak for.</summary>
    /// <param name="Node">The node index.</param>
    public sealed record SpeakAs(int Node) : SlashCommand;

    /// <summary><c>/help</c>: list the commands.</summary>
    public sealed record Help : SlashCommand;

    /// <summary><c>/quit</c> or end of input: stop cleanly.</summary>
    public sealed record Quit : SlashCommand;

    /// <summary>
    /// Plain text typed in the terminal UI (see <see cref="SlashCommandParser.ParseInput"/>): a chat
    /// message for the active tab, everyone or a direct conversation. Headless mode never produces it.
    /// </summary>
    /// <param name="Text">The message text.</param>
    public sealed record Say(string Text) : SlashCommand;
}
