using MeshNode.Core.Topology;

namespace MeshNode.Core.Routing;

/// <summary>
/// Decides where a broadcast goes next: eagerly along the origin's shortest-path tree, with a
/// digest ("I have it") to every other link so that any copy lost on the tree is pulled back
/// (see <see cref="BroadcastRepair"/>). Pure functions of the graph snapshot and the current
/// links; thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// <b>Tree.</b> Every node computes the same shortest-path tree rooted at the broadcast's origin
/// from the same link-state graph (<see cref="TopologyGraph.PathsFrom"/>: symmetric edge costs,
/// deterministic tie-break), and forwards a broadcast only to its own children in that tree. With
/// converged databases and no loss each node receives exactly one copy: no duplicates at all,
/// against about degree - 1 per node for flooding.
/// </para>
/// <para>
/// <b>Lazy repair.</b> A tree has no redundancy: one lost copy loses a whole subtree. So a node
/// also sends every link that is not a tree target a small digest (origin, message id) instead of
/// the payload, as Plumtree's lazy push and gossipsub's IHAVE do. A node that hears a digest for a
/// message it has not received waits a short grace (the tree copy is usually on its way), then
/// pulls the message from a digest sender (which answers from its <see cref="RecentBroadcastStore"/>),
/// and forwards it on down its own subtree, which missed it too. Digests cost a few dozen bytes, not a payload; payload duplicates arise only when a
/// pulled copy and a late tree copy cross.
/// </para>
/// <para>
/// <b>Fallbacks to flooding.</b> The tree is only right when the databases agree, so this node
/// floods (every current link but the arrival one) whenever its view is evidently not converged:
/// no record of the origin or of this node, the origin not reachable, this node not in the
/// origin's tree, or a tree child that is not one of the current links (a link that went down
/// since the snapshot). A current link to a node the tree does not reach (a new neighbour whose
/// records have not spread yet) gets the payload too. Digests still go to every other link, so
/// disagreement between nodes' views costs duplicates, never delivery.
/// </para>
/// </remarks>
public static class BroadcastForwarding
{
    /// <summary>
    /// The links to send the payload of a broadcast to, in key order. Call after the dedup check
    /// and the hop limit check, once per message.
    /// </summary>
    /// <param name="origin">The node that created the broadcast.</param>
    /// <param name="arrivedFrom">The link it came in on, or this node itself when it originates here.</param>
    /// <param name="graph">This node's current snapshot (<see cref="TopologyGraph.Self"/> is this node).</param>
    /// <param name="currentLinks">The links up right now.</param>
    public static IReadOnlyList<NodeKey> ForwardTargets(
        NodeKey origin,
        NodeKey arrivedFrom,
        TopologyGraph graph,
        IReadOnlyCollection<NodeKey> currentLinks)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(currentLinks);
        var self = graph.Self;
        if (!graph.IsReachable(origin))
        {
            return Flood(arrivedFrom, currentLinks);
        }

        var tree = graph.PathsFrom(origin);
        if (!tree.IsReachable(self))
        {
            return Flood(arrivedFrom, currentLinks);
        }

        var links = currentLinks as IReadOnlySet<NodeKey> ?? new HashSet<NodeKey>(currentLinks);
        var targets = new List<NodeKey>();
        foreach (var child in tree.ChildrenOf(self))
        {
            if (!links.Contains(child))
            {
                return Flood(arrivedFrom, currentLinks);
            }

            if (child != arrivedFrom)
            {
                targets.Add(child);
            }
        }

        foreach (var link in currentLinks)
        {
            if (link != arrivedFrom && link != self && !tree.IsReachable(link))
            {
                targets.Add(link);
            }
        }

        targets.Sort();
        return targets;
    }

    /// <summary>
    /// The links to send only a digest (origin, message id) to: every current link that gets no
    /// payload, except the arrival link and the origin itself, which both have the message. In key
    /// order.
    /// </summary>
    /// <param name="origin">The node that created the broadcast.</param>
    /// <param name="arrivedFrom">The link it came in on, or this node itself when it originates here.</param>
    /// <param name="forwardTargets">What <see cref="ForwardTargets"/> returned for this message.</param>
    /// <param name="currentLinks">The links up right now.</param>
    public static IReadOnlyList<NodeKey> DigestTargets(
        NodeKey origin,
        NodeKey arrivedFrom,
        IReadOnlyCollection<NodeKey> forwardTargets,
        IReadOnlyCollection<NodeKey> currentLinks)
    {
        ArgumentNullException.ThrowIfNull(forwardTargets);
        ArgumentNullException.ThrowIfNull(currentLinks);
        var eager = forwardTargets as IReadOnlySet<NodeKey> ?? new HashSet<NodeKey>(forwardTargets);
        var targets = new List<NodeKey>();
        foreach (var link in currentLinks)
        {
            if (link != arrivedFrom && link != origin && !eager.Contains(link))
            {
                targets.Add(link);
            }
        }

        targets.Sort();
        return targets;
    }

    /// <summary>
    /// Flooding, the baseline and the fallback: every current link except the arrival one, in key order.
    /// </summary>
    public static IReadOnlyList<NodeKey> Flood(NodeKey arrivedFrom, IReadOnlyCollection<NodeKey> currentLinks)
    {
        ArgumentNullException.ThrowIfNull(currentLinks);
        var targets = new List<NodeKey>(currentLinks.Count);
        foreach (var link in currentLinks)
        {
            if (link != arrivedFrom)
            {
                targets.Add(link);
            }
        }

        targets.Sort();
        return targets;
    }
}
