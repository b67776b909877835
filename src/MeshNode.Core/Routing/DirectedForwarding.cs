using MeshNode.Core.Topology;

namespace MeshNode.Core.Routing;

/// <summary>
/// Decides where a message for one destination goes next: the next hop of this node's shortest
/// path, or flooding when there is no usable path. Pure function of the snapshot and the links.
/// </summary>
public static class DirectedForwarding
{
    /// <summary>
    /// The links to send a directed message to: the shortest path's next hop when the destination
    /// is reachable and that next hop is a current link other than the arrival one; else the
    /// destination itself when it is a current link; otherwise every current link but the arrival one (the flooding fallback: the graph is stale or the
    /// destination unknown). Empty when the destination is this node.
    /// </summary>
    /// <param name="destination">The message's destination.</param>
    /// <param name="arrivedFrom">The link it came in on, or this node itself when it originates here.</param>
    /// <param name="graph">This node's current snapshot.</param>
    /// <param name="currentLinks">The links up right now.</param>
    public static IReadOnlyList<NodeKey> NextTargets(
        NodeKey destination,
        NodeKey arrivedFrom,
        TopologyGraph graph,
        IReadOnlyCollection<NodeKey> currentLinks)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(currentLinks);
        if (destination == graph.Self)
        {
            return [];
        }

        var next = graph.Paths.NextHop(destination);
        if (next is { } hop && hop != arrivedFrom && currentLinks.Contains(hop))
        {
            return [hop];
        }

        // A neighbour whose records have not spread yet has no route but is one hop away.
        if (currentLinks.Contains(destination))
        {
            return [destination];
        }

        return BroadcastForwarding.Flood(arrivedFrom, currentLinks);
    }
}
