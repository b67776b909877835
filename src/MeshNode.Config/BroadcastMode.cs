namespace MeshNode.Config;

/// <summary>How the router spreads broadcasts (<c>mesh.router.broadcast</c>).</summary>
public enum BroadcastMode
{
    /// <summary>
    /// Along the origin's shortest-path tree, with digests on the other links and pulls to repair
    /// what the tree missed: about one copy per node.
    /// </summary>
    Tree,

    /// <summary>To every link but the arrival one: about degree - 1 copies per node; the baseline.</summary>
    Flood,
}
