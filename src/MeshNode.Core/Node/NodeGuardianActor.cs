using MeshNode.Actors;
using MeshNode.Core.Chat;
using MeshNode.Core.Discovery;
using MeshNode.Core.Links;
using MeshNode.Core.Routing;
using MeshNode.Core.Store;
using MeshNode.Core.Topology;
using MeshNode.Core.Trace;
using MeshNode.Core.Transport;

namespace MeshNode.Core.Node;

/// <summary>
/// The node guardian (/user/node): starts and supervises the router, topology, chat, links and
/// listener actors (and discovery when enabled: UDP announces when a socket is given, peer exchange over
/// links either way), dials the static peers, and routes the facade's commands to the actor that owns each.
/// A failing child is restarted (the links supervisor's own children, one per connection, are
/// stopped instead: a broken link is redialed, not restarted). Every child publishes its
/// <see cref="NodeEvent"/>s on the system's event stream.
/// </summary>
internal sealed class NodeGuardianActor : ReceiveActor
{
    private readonly IActorRef _router;
    private readonly IActorRef _topology;
    private readonly IActorRef _chat;
    private readonly IActorRef _links;
    private readonly IActorRef _discovery;

    public NodeGuardianActor(
        LinkContext context,
        ITransport transport,
        ITransportListener listener,
        IMeshStore store,
        ChatPersistence persistence,
        IReadOnlyList<TransportEndpoint> staticPeers,
        DiscoverySocket? discoverySocket,
        bool discoveryEnabled)
    {
        _router = Context.ActorOf(Props.Create(() => new RouterActor(context)), "router");
        var router = _router;
        _chat = Context.ActorOf(Props.Create(() => new ChatActor(context, router, store, persistence)), "chat");
        var chat = _chat;
        _topology = Context.ActorOf(Props.Create(() => new TopologyActor(context, router, chat)), "topology");
        var topology = _topology;
        var trace = Context.ActorOf(Props.Create(() => new TraceActor(context, router, topology)), "trace");
        _router.Tell(new RouterTargets(_chat, _topology, trace));
        _links = Context.ActorOf(Props.Create(() => new LinksActor(transport, context, router, topology, chat)), "links");
        var links = _links;
        Context.ActorOf(Props.Create(() => new ListenerActor(listener, links, context)), "listener");
        var listenPort = listener.LocalEndpoint.Port;
        _discovery = discoveryEnabled
            ? Context.ActorOf(Props.Create(() => new DiscoveryActor(context, discoverySocket, listenPort, links)), "discovery")
            : ActorRefs.Nobody;
        foreach (var peer in staticPeers)
        {
            _links.Tell(new DialEndpoint(peer, Persistent: true));
        }

        Receive<SendToAll>(m => _chat.Forward(m, Context));
        Receive<SendDirect>(m => _chat.Forward(m, Context));
        Receive<TrustPeer>(m => _chat.Forward(m, Context));
        Receive<GetPeers>(m => _chat.Forward(m, Context));
        Receive<GetTopology>(m => _topology.Forward(m, Context));
        Receive<GetPath>(m => _topology.Forward(m, Context));
        Receive<StartTrace>(m => trace.Forward(m, Context));
        Receive<ConnectTo>(m => _links.Tell(new DialEndpoint(m.Endpoint, Persistent: true)));
        Receive<InboundPeerExchange>(m => _discovery.Tell(m));
        Receive<LinkAttached>(m => _discovery.Tell(m));
        Receive<LinkDetached>(m => _discovery.Tell(m));
    }
}
