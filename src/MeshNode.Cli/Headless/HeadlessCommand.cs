namespace MeshNode.Cli.Headless;

/// <summary>One slash command typed on standard input in headless mode; the nested records are the commands.</summary>
internal abstract record HeadlessCommand
{
    private HeadlessCommand()
    {
    }

    /// <summary><c>/all TEXT</c>: chat with everyone.</summary>
    /// <param name="Text">The message text.</param>
    public sealed record SendAll(string Text) : HeadlessCommand;

    /// <summary><c>/msg NAME|ID TEXT</c>: a direct message sealed end to end.</summary>
    /// <param name="Target">Peer name or id (prefix).</param>
    /// <param name="Text">The message text.</param>
    public sealed record SendDirect(string Target, string Text) : HeadlessCommand;

    /// <summary><c>/peers</c>: list known peers.</summary>
    public sealed record Peers : HeadlessCommand;

    /// <summary><c>/topology</c>: show the topology graph.</summary>
    public sealed record Topology : HeadlessCommand;

    /// <summary><c>/trace NAME</c>: the path to a peer.</summary>
    /// <param name="Target">Peer name or id.</param>
    public sealed record Trace(string Target) : HeadlessCommand;

    /// <summary><c>/connect HOST:PORT</c>: dial a peer.</summary>
    /// <param name="Endpoint">The endpoint as typed; parsed by the transport.</param>
    public sealed record Connect(string Endpoint) : HeadlessCommand;

    /// <summary><c>/trust NAME FINGERPRINT</c>: accept a peer's current key.</summary>
    /// <param name="Target">Peer name or id.</param>
    /// <param name="Fingerprint">The fingerprint compared out of band.</param>
    public sealed record Trust(string Target, string Fingerprint) : HeadlessCommand;

    /// <summary><c>/as N</c> (lab only): switch which node the commands speak for.</summary>
    /// <param name="Node">The node index.</param>
    public sealed record SpeakAs(int Node) : HeadlessCommand;

    /// <summary><c>/help</c>: list the commands.</summary>
    public sealed record Help : HeadlessCommand;

    /// <summary><c>/quit</c> or end of input: stop cleanly.</summary>
    public sealed record Quit : HeadlessCommand;
}
