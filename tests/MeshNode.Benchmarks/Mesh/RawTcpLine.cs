using System.Net;
using System.Net.Sockets;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// The baseline: a line of loopback TCP sockets where each middle hop copies whatever bytes it
/// reads to the next hop (no framing, crypto or routing). <see cref="Head"/> writes into hop 0,
/// <see cref="Tail"/> reads out of the last hop.
/// </summary>
internal sealed class RawTcpLine : IAsyncDisposable
{
    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _relays = [];

    private RawTcpLine()
    {
    }

    public NetworkStream Head { get; private set; } = null!;

    public NetworkStream Tail { get; private set; } = null!;

    /// <summary>A line of <paramref name="nodes"/> endpoints: nodes - 1 TCP hops, nodes - 2 relays.</summary>
    public static async Task<RawTcpLine> StartAsync(int nodes)
    {
        var line = new RawTcpLine();
        var inbound = new Socket[nodes];
        var outbound = new Socket[nodes];
        for (var i = 1; i < nodes; i++)
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var accept = listener.AcceptAsync();
            await client.ConnectAsync(listener.LocalEndPoint!);
            var server = await accept;
            server.NoDelay = true;
            outbound[i - 1] = client;
            inbound[i] = server;
            line._sockets.Add(client);
            line._sockets.Add(server);
        }

        for (var i = 1; i < nodes - 1; i++)
        {
            var from = new NetworkStream(inbound[i]);
            var to = new NetworkStream(outbound[i]);
            line._relays.Add(Task.Run(() => RelayAsync(from, to)));
        }

        line.Head = new NetworkStream(outbound[0]);
        line.Tail = new NetworkStream(inbound[nodes - 1]);
        return line;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_relays).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static async Task RelayAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            // The line is being torn down.
        }
    }
}
