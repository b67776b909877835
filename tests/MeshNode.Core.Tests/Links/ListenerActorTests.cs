using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Core.Tests.Mesh;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Tests.Links;

/// <summary>The listener actor at /user/node/listener: hands connections to the links supervisor and survives accept errors.</summary>
public sealed class ListenerActorTests
{
    [Fact]
    public async Task An_accept_error_is_warned_with_the_listener_path_and_accepting_resumes()
    {
        var network = new InMemoryNetwork(seed: 41);
        using var idA = NodeIdentity.Generate(SystemRandomSource.Instance);
        using var idPeer = NodeIdentity.Generate(SystemRandomSource.Instance);
        await using var store = await SqliteMeshStore.OpenEphemeralAsync();
        var failing = new FailingAcceptTransport(network.CreateTransport("host-a"));
        var a = await LinkTestNodes.StartAsync(failing, "a", idA, store);
        var recorder = new NodeRecorder(a);
        try
        {
            var warning = await recorder.WaitForAsync<NodeWarning>(w => w.Message.Contains("accepting on", StringComparison.Ordinal), MeshHarness.Timeout);
            Assert.StartsWith("/user/node/listener: accepting on host-a:7000 failed (too many open files)", warning.Message, StringComparison.Ordinal);

            await using var peer = await NoisePeer.LinkAsync(network.CreateTransport("host-peer"), a.ListenEndpoint, idPeer);
            var up = await recorder.WaitForAsync<LinkUp>(l => l.NodeId == idPeer.Id.ToString(), MeshHarness.Timeout);
            Assert.True(up.Inbound);
        }
        finally
        {
            await a.StopAsync();
        }
    }

    /// <summary>A transport whose listener fails its first accept as a process out of file descriptors would.</summary>
    private sealed class FailingAcceptTransport(ITransport inner) : ITransport
    {
        public async ValueTask<ITransportListener> ListenAsync(TransportEndpoint local, CancellationToken cancellationToken = default) =>
            new FailingOnceListener(await inner.ListenAsync(local, cancellationToken));

        public ValueTask<ITransportConnection> ConnectAsync(TransportEndpoint remote, CancellationToken cancellationToken = default) =>
            inner.ConnectAsync(remote, cancellationToken);
    }

    private sealed class FailingOnceListener(ITransportListener inner) : ITransportListener
    {
        private int _calls;

        public TransportEndpoint LocalEndpoint => inner.LocalEndpoint;

        public ValueTask<ITransportConnection> AcceptAsync(CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) == 1
                ? ValueTask.FromException<ITransportConnection>(new IOException("too many open files"))
                : inner.AcceptAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
