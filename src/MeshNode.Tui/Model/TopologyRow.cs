namespace MeshNode.Tui.Model;

/// <summary>
/// One row of the topology pane, already laid out: <see cref="Prefix"/> holds the tree guides
/// ("├─ ", "│  └─ "), <see cref="Name"/> is cleaned. <see cref="Rtt"/> is the link to the parent.
/// <see cref="Count"/> is how many nodes a collapsed row stands for (a More row, or a Node row whose
/// subtree is folded into it). <see cref="Appeared"/> and <see cref="Vanished"/> mark highlighted links.
/// </summary>
internal sealed record TopologyRow(
    TopologyRowKind Kind,
    string Prefix,
    string NodeId,
    string Name,
    TimeSpan? Rtt,
    int Count,
    bool Appeared,
    bool Vanished);
