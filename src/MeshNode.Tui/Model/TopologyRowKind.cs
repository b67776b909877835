namespace MeshNode.Tui.Model;

/// <summary>What one row of the topology pane is.</summary>
internal enum TopologyRowKind
{
    /// <summary>This node, the root of the tree.</summary>
    Self,

    /// <summary>A reachable node under its BFS parent, with the RTT of that link.</summary>
    Node,

    /// <summary>A collapsed subtree or sibling run: "... N more".</summary>
    More,

    /// <summary>The heading over nodes known but unreachable.</summary>
    UnreachableHeader,

    /// <summary>A node known but unreachable.</summary>
    Unreachable,

    /// <summary>The heading over links that appeared or vanished a moment ago.</summary>
    ChangesHeader,

    /// <summary>A link that appeared (+) or vanished (x) within the highlight time.</summary>
    Change,
}
