using System.Globalization;
using System.Text;
using MeshNode.Core.Node;

namespace MeshNode.Tui.App;

/// <summary>
/// The text of command replies shown as notices (/peers, /topology, /trace). Plain text: the
/// renderer escapes and sanitises notices like any text from the network, names are clipped here
/// so one hostile name cannot fill the pane.
/// </summary>
internal static class NoticeText
{
    private const int MaxName = 24;

    /// <summary>Lists peers, linked first, then by hops and name.</summary>
    /// <param name="peers">The node's peers.</param>
    /// <returns>One line per peer after a heading.</returns>
    public static string Peers(IReadOnlyList<PeerView> peers)
    {
        if (peers.Count == 0)
        {
            return "no peers known yet";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{peers.Count} peer(s), {peers.Count(p => p.Linked)} linked:");
        foreach (var p in peers.OrderByDescending(p => p.Linked).ThenBy(p => p.Hops ?? int.MaxValue).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            var hops = p.Hops is { } h ? h.ToString(CultureInfo.InvariantCulture) + (h == 1 ? " hop" : " hops") : "unreachable";
            var rtt = p.Rtt is { } r ? $", rtt {Milliseconds(r)}" : string.Empty;
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {Clip(p.Name)} ({Id(p.NodeId)}, {p.ShortFingerprint}): {(p.Online ? "online" : "away")}, {hops}{rtt}, {p.Trust}");
        }

        return text.ToString();
    }

    /// <summary>Describes the topology: nodes by hop count, then links with their RTTs.</summary>
    /// <param name="topology">The graph.</param>
    /// <returns>The text.</returns>
    public static string Topology(TopologyView topology)
    {
        var names = topology.Nodes.ToDictionary(n => n.NodeId, n => Clip(n.Name), StringComparer.Ordinal);
        string Name(string id) => names.TryGetValue(id, out var n) ? n : Id(id);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"topology: {topology.Nodes.Count} node(s), {topology.Edges.Count} link(s)");
        foreach (var node in topology.Nodes.OrderBy(n => n.Hops ?? int.MaxValue).ThenBy(n => n.Name, StringComparer.OrdinalIgnoreCase))
        {
            var where = node.Hops switch
            {
                null => "unreachable",
                0 => "this node",
                { } h => h.ToString(CultureInfo.InvariantCulture) + (h == 1 ? " hop" : " hops") + (node.NextHop is { } next && h > 1 ? " via " + Name(next) : string.Empty),
            };
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {Name(node.NodeId)}: {where}");
        }

        foreach (var edge in topology.Edges)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {Name(edge.A)} - {Name(edge.B)}: {Milliseconds(edge.Rtt)}");
        }

        return text.ToString();
    }

    /// <summary>Describes a trace: the hops in order and the round trip.</summary>
    /// <param name="trace">The trace.</param>
    /// <returns>One line.</returns>
    public static string Trace(TraceView trace) =>
        $"path to {Clip(trace.Target)}: {string.Join(" -> ", trace.Hops.Select(Clip))} (round trip {Milliseconds(trace.RoundTrip)})";

    /// <summary>Cuts a peer-supplied name to a readable length.</summary>
    /// <param name="text">The name.</param>
    /// <returns>At most 24 characters, with an ellipsis when cut.</returns>
    public static string Clip(string text) => text.Length <= MaxName ? text : text[..(MaxName - 1)] + "…";

    private static string Id(string nodeId) => nodeId.Length <= 8 ? nodeId : nodeId[..8];

    private static string Milliseconds(TimeSpan value) =>
        value.TotalMilliseconds < 10
            ? value.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
            : value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
