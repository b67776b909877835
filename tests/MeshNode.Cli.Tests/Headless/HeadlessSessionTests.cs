using System.Text.Json;
using System.Threading.Channels;
using MeshNode.Cli.Headless;
using MeshNode.Core.Node;
using MeshNode.Core.Transport;

namespace MeshNode.Cli.Tests.Headless;

public sealed class HeadlessSessionTests
{
    [Fact]
    public async Task A_refused_node_command_becomes_an_error_event_and_the_session_goes_on()
    {
        var (session, output, node) = Create();

        Assert.True(await session.ExecuteAsync("/msg nobody hi", CancellationToken.None));
        Assert.True(await session.ExecuteAsync("/all still here", CancellationToken.None));

        var events = Events(output);
        Assert.Equal("error", events[0].GetProperty("event").GetString());
        Assert.Equal("No known peer is called 'nobody'.", events[0].GetProperty("message").GetString());
        Assert.Equal("sent", events[1].GetProperty("event").GetString());
        Assert.Equal(["still here"], node.Sent);
    }

    [Theory]
    [InlineData("/connect not-an-endpoint", "Bad endpoint")]
    [InlineData("/as 1", "only in meshnode lab")]
    [InlineData("just text", "commands start with '/'")]
    public async Task Bad_input_gets_an_error_event(string line, string expected)
    {
        var (session, output, _) = Create();

        Assert.True(await session.ExecuteAsync(line, CancellationToken.None));

        var error = Assert.Single(Events(output));
        Assert.Equal("error", error.GetProperty("event").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_dials_the_parsed_endpoint()
    {
        var (session, output, node) = Create();

        await session.ExecuteAsync("/connect 127.0.0.1:4000", CancellationToken.None);

        Assert.Equal([new TransportEndpoint("127.0.0.1", 4000)], node.Dialed);
        Assert.Equal("ok", Assert.Single(Events(output)).GetProperty("event").GetString());
    }

    [Fact]
    public async Task Quit_and_end_of_input_end_the_session()
    {
        var (session, _, _) = Create();

        Assert.False(await session.ExecuteAsync("/quit", CancellationToken.None));
        Assert.False(await session.ExecuteAsync(null, CancellationToken.None));
    }

    private static (HeadlessSession Session, StringWriter Output, FakeNode Node) Create()
    {
        var output = new StringWriter();
        var node = new FakeNode();
        return (new HeadlessSession([node], new HeadlessEventWriter(output, TimeProvider.System), lab: false), output, node);
    }

    private static List<JsonElement> Events(StringWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    private sealed class FakeNode : IMeshNode
    {
        public List<string> Sent { get; } = [];

        public List<TransportEndpoint> Dialed { get; } = [];

        public string NodeId => "00";

        public string Name => "fake";

        public string Fingerprint => "fp";

        public TransportEndpoint ListenEndpoint { get; } = new("127.0.0.1", 1);

        public ChannelReader<NodeEvent> Events { get; } = Channel.CreateUnbounded<NodeEvent>().Reader;

        public Task<SendOutcome> SendToAllAsync(string text, CancellationToken cancellationToken = default)
        {
            Sent.Add(text);
            return Task.FromResult(new SendOutcome("m", Queued: false));
        }

        public Task<SendOutcome> SendDirectAsync(string nameOrId, string text, CancellationToken cancellationToken = default) =>
            throw new NodeCommandException($"No known peer is called '{nameOrId}'.");

        public Task<IReadOnlyList<PeerView>> GetPeersAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<PeerView>>([]);

        public Task<TopologyView> GetTopologyAsync(CancellationToken cancellationToken = default) => Task.FromResult(new TopologyView("00", [], []));

        public Task<NodeStatusView> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(new NodeStatusView("open", 0, 0, 0));

        public Task<IReadOnlyList<ChatHistoryItem>> GetHistoryAsync(string? peerNameOrId, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ChatHistoryItem>>([]);

        public Task<TraceView> TraceAsync(string nameOrId, CancellationToken cancellationToken = default) => throw new NodeCommandException("unknown");

        public Task ConnectAsync(TransportEndpoint endpoint, CancellationToken cancellationToken = default)
        {
            Dialed.Add(endpoint);
            return Task.CompletedTask;
        }

        public Task TrustAsync(string nameOrId, string fingerprint, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task StopAsync() => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
