namespace MeshNode.Core.Tests.Routing;

/// <summary>What the simulated nodes do with a broadcast.</summary>
public enum BroadcastScheme
{
    /// <summary>Every link but the arrival one (the baseline).</summary>
    Flooding,

    /// <summary>The origin's shortest-path tree only, no repair (shows what repair adds).</summary>
    TreeOnly,

    /// <summary>The tree plus digests and pulls: what the router does.</summary>
    TreeWithRepair,
}
