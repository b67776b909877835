using System.Diagnostics;
using MeshNode.Actors;
using MeshNode.Config;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Store;
using MeshNode.Core.Transport;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Identity;
using static MeshNode.Benchmarks.Mesh.ResultTable;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>
/// Duplicate envelopes per node per broadcast on a 50-node random graph of degree 6 over the
/// in-memory transport, with the live router: tree + digest/pull repair (the default) at 0% and
/// at 10% link drop, and flooding (<c>mesh.router.broadcast = flood</c>) as the baseline.
/// </summary>
/// <remarks>
/// "10% link drop": during the window, 10% of the mesh's links (15 of 150) are reset one after
/// another between broadcasts, so copies in flight on them are lost and the tree changes under
/// the traffic; the nodes redial. The in-memory transport cannot lose one message inside a
/// stream (a byte stream that loses bytes is a broken connection), so losing links is how loss
/// looks to a node. The nodes here are built directly on one <see cref="InMemoryNetwork"/> (not
/// <see cref="ScenarioCluster"/>) because the scenario must reach that network to drop links.
/// </remarks>
internal static class DuplicatesScenario
{
    private const int Nodes = 50;
    private const int Degree = 6;
    private const int Broadcasts = 100;

    public static async Task RunAsync()
    {
        var edges = ScenarioCluster.RandomRegular(Nodes, Degree, seed: 42);
        var runs = new[]
        {
            await RunOnceAsync("tree + repair (default)", BroadcastMode.Tree, edges, dropLinks: 0),
            await RunOnceAsync("tree + repair (default)", BroadcastMode.Tree, edges, dropLinks: edges.Count / 10),
            await RunOnceAsync("flooding (mesh.router.broadcast = flood)", BroadcastMode.Flood, edges, dropLinks: 0),
        };
        Print(
            $"Duplicates per node per broadcast, {Nodes} nodes, random {Degree}-regular graph (seed 42), in-memory transport, {Broadcasts} broadcasts from random origins sent back to back",
            ["Live node", "links dropped", "chat duplicates/node/broadcast", "all duplicate envelopes/node/broadcast", "idle background", "delivery", "window", "target", "verdict"],
            runs.Select(r => new[]
            {
                r.Scheme,
                $"{r.Dropped}/{edges.Count}",
                F(r.PerNodePerBroadcast),
                F(r.AllPerNodePerBroadcast),
                $"{F(r.IdleRate, 1)}/s",
                $"{r.Delivered}/{Broadcasts * (Nodes - 1)}",
                $"{F(r.Window.TotalSeconds)} s",
                r.Mode == BroadcastMode.Tree ? "<= 1, full delivery" : "about degree - 2",
                r.Mode == BroadcastMode.Tree ? Met(r.PerNodePerBroadcast <= 1 && r.Delivered == Broadcasts * (Nodes - 1)) : string.Empty,
            }));
        Console.WriteLine("Chat duplicates: copies of a chat broadcast a router received after the first (each router's own count, summed). All duplicate envelopes: the node-wide counter, link-state records and the whole database a node sends a new link included, an upper bound; its idle rate was measured over 5 s just before.");
        foreach (var run in runs)
        {
            Console.WriteLine($"{run.Scheme}, {run.Dropped} links dropped: {run.Note}");
        }
    }

    private static async Task<Run> RunOnceAsync(string scheme, BroadcastMode mode, IReadOnlyList<(int A, int B)> edges, int dropLinks)
    {
        var network = new InMemoryNetwork(seed: 42);
        var nodes = new List<Member>();
        try
        {
            var start = Stopwatch.StartNew();
            for (var j = 0; j < Nodes; j++)
            {
                var dial = edges.Where(e => Math.Max(e.A, e.B) == j).Select(e => nodes[Math.Min(e.A, e.B)].Node.ListenEndpoint).ToArray();
                nodes.Add(await Member.StartAsync(network, $"n{j}", dial, mode));
            }

            var ids = nodes.Select(n => n.Node.NodeId).ToArray();
            var converged = "converged";
            try
            {
                await Task.WhenAll(nodes.Select(n => n.WaitUntilReachableAsync(ids, TimeSpan.FromMinutes(2))));
            }
            catch (TimeoutException)
            {
                converged = "NOT converged";
            }

            var convergedAfter = start.Elapsed;
            var idleWindow = TimeSpan.FromSeconds(5);
            var idleBefore = Duplicates(nodes);
            await MeasurementWindow.ElapseAsync(idleWindow);
            var idleRate = (Duplicates(nodes) - idleBefore) / idleWindow.TotalSeconds;

            var random = new Random(7);
            var toDrop = edges.OrderBy(_ => random.Next()).Take(dropLinks).ToArray();
            var dupBefore = Duplicates(nodes);
            var routersBefore = await RouterTotalsAsync(nodes);
            var chatsBefore = nodes.Sum(n => n.Chats);
            var outstanding = (long)Broadcasts * (Nodes - 1);
            var allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var node in nodes)
            {
                node.OnChat = () =>
                {
                    if (Interlocked.Decrement(ref outstanding) == 0)
                    {
                        allDelivered.TrySetResult();
                    }
                };
            }

            var clock = Stopwatch.StartNew();
            var dropped = 0;
            for (var i = 0; i < Broadcasts; i++)
            {
                // The drops are spread over the sends so links vanish under traffic in flight.
                if (dropped < toDrop.Length && i % (Broadcasts / Math.Max(1, toDrop.Length)) == 0)
                {
                    var (a, b) = toDrop[dropped++];
                    network.DropConnections($"n{a}", $"n{b}");
                }

                await nodes[random.Next(Nodes)].Node.SendToAllAsync($"duplicates {i}");
            }

            var lost = string.Empty;
            try
            {
                await allDelivered.Task.WaitAsync(TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                lost = $" {Interlocked.Read(ref outstanding)} deliveries missing after 2 minutes.";
            }

            // Late copies of the last broadcasts (a pulled copy crossing a tree copy) still count.
            await MeasurementWindow.ElapseAsync(TimeSpan.FromMilliseconds(500));
            var window = clock.Elapsed;
            var raw = Duplicates(nodes) - dupBefore;
            var routers = await RouterTotalsAsync(nodes);
            var chatDuplicates = routers.DuplicateChatBroadcasts - routersBefore.DuplicateChatBroadcasts;
            var delivered = nodes.Sum(n => n.Chats) - chatsBefore;
            var note = $"{converged} after {F(convergedAfter.TotalSeconds)} s; {chatDuplicates} duplicate chat broadcasts; all duplicate envelopes {raw} (idle background at the rate before: about {F(idleRate * window.TotalSeconds, 0)}); "
                + $"per broadcast: {F((routers.PayloadsSent - routersBefore.PayloadsSent) / (double)Broadcasts, 1)} payload sends (all broadcasts), {F((routers.DigestEntriesSent - routersBefore.DigestEntriesSent) / (double)Broadcasts, 1)} digest entries, {F((routers.PullEntriesSent - routersBefore.PullEntriesSent) / (double)Broadcasts, 2)} pull entries.{lost}";
            return new Run(scheme, mode, dropped, chatDuplicates / (double)Nodes / Broadcasts, raw / (double)Nodes / Broadcasts, idleRate, delivered, window, note);
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
        }
    }

    private static long Duplicates(List<Member> nodes) => nodes.Sum(n => ((MeshNodeInstance)n.Node).Counters.DuplicateEnvelopes);

    /// <summary>Every router's figures summed: its duplicate chat broadcasts are what the target is about.</summary>
    private static async Task<RouterStats> RouterTotalsAsync(List<Member> nodes)
    {
        var all = (await Task.WhenAll(nodes.Select(async n =>
        {
            try
            {
                return await n.RouterStatsAsync();
            }
            catch (AskTimeoutException)
            {
                // A router this far behind is reported through the delivery figure; count it as nothing.
                return new RouterStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            }
        }))).ToArray();
        return all.Aggregate((a, b) => a with
        {
            DuplicateBroadcasts = a.DuplicateBroadcasts + b.DuplicateBroadcasts,
            DuplicateChatBroadcasts = a.DuplicateChatBroadcasts + b.DuplicateChatBroadcasts,
            PayloadsSent = a.PayloadsSent + b.PayloadsSent,
            DigestEntriesSent = a.DigestEntriesSent + b.DigestEntriesSent,
            PullEntriesSent = a.PullEntriesSent + b.PullEntriesSent,
            PullsServed = a.PullsServed + b.PullsServed,
        });
    }

    private sealed record Run(string Scheme, BroadcastMode Mode, int Dropped, double PerNodePerBroadcast, double AllPerNodePerBroadcast, double IdleRate, long Delivered, TimeSpan Window, string Note);

    /// <summary>One node of a run: counts chats and remembers its latest topology.</summary>
    private sealed class Member : IAsyncDisposable
    {
        private readonly NodeIdentity _identity;
        private readonly IMeshStore _store;
        private readonly Task _pump;
        private readonly Lock _lock = new();
        private readonly List<(HashSet<string> Ids, TaskCompletionSource Done)> _waiters = [];
        private TopologyView? _topology;
        private long _chats;

        private Member(IMeshNode node, NodeIdentity identity, IMeshStore store)
        {
            Node = node;
            _identity = identity;
            _store = store;
            _pump = Task.Run(PumpAsync);
        }

        public IMeshNode Node { get; }

        public long Chats => Interlocked.Read(ref _chats);

        public Action? OnChat { get; set; }

        /// <summary>Asks this node's router (/user/node/router) for its figures.</summary>
        public Task<RouterStats> RouterStatsAsync()
        {
            var guardian = (ActorCell)((MeshNodeInstance)Node).Guardian;
            // Generous: on a loaded machine a router can have seconds of work queued.
            return guardian.Child("router").Ask<RouterStats>(GetRouterStats.Instance, TimeSpan.FromSeconds(30));
        }

        public static async Task<Member> StartAsync(InMemoryNetwork network, string name, IReadOnlyList<TransportEndpoint> dial, BroadcastMode mode)
        {
            var identity = NodeIdentity.Generate(SystemRandomSource.Instance);
            var store = await SqliteMeshStore.OpenEphemeralAsync();
            var settings = ScenarioCluster.BaseSettings.Settings;
            // Default link timings: the lab profile's 1 s dead-link timeout flaps links with 50 nodes on 2 cores.
            settings = settings with
            {
                Node = settings.Node with { Name = name },
                Link = MeshSettings.Defaults.Link,
                Router = settings.Router with { Broadcast = mode },
            };
            var node = await MeshNodeHost.StartAsync(new NodeStartOptions
            {
                Settings = settings,
                Identity = identity,
                Store = store,
                Transport = network.CreateTransport(name),
                ListenEndpoint = new TransportEndpoint(name, 0),
                StaticPeers = dial,
                DiscoveryEnabled = false,
            });
            return new Member(node, identity, store);
        }

        public Task WaitUntilReachableAsync(IReadOnlyCollection<string> ids, TimeSpan timeout)
        {
            var wanted = ids.Where(id => id != Node.NodeId).ToHashSet();
            lock (_lock)
            {
                if (_topology is { } current && Reaches(current, wanted))
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((wanted, done));
                return done.Task.WaitAsync(timeout);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Node.StopAsync();
            await _store.DisposeAsync();
            _identity.Dispose();
            await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        private static bool Reaches(TopologyView topology, HashSet<string> ids) =>
            ids.All(id => topology.Nodes.Any(n => n.NodeId == id && n.Hops is not null));

        private async Task PumpAsync()
        {
            await foreach (var e in Node.Events.ReadAllAsync())
            {
                if (e is ChatReceived)
                {
                    Interlocked.Increment(ref _chats);
                    OnChat?.Invoke();
                }
                else if (e is TopologyChanged changed)
                {
                    lock (_lock)
                    {
                        _topology = changed.Topology;
                        foreach (var waiter in _waiters.Where(w => Reaches(changed.Topology, w.Ids)).ToArray())
                        {
                            waiter.Done.TrySetResult();
                            _waiters.Remove(waiter);
                        }
                    }
                }
            }
        }
    }
}
