namespace MeshNode.Core.Tests.NetNs;

/// <summary>
/// A fact that runs only where network namespaces can be made (Linux, root, <c>ip</c>, plus any
/// tools named in the constructor); elsewhere it is skipped with the reason shown in the results.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NetNsFactAttribute : FactAttribute
{
    public NetNsFactAttribute(params string[] requiredTools)
    {
        RequiredTools = requiredTools;
        Skip = NetNsEnvironment.SkipReason(requiredTools);
    }

    public IReadOnlyList<string> RequiredTools { get; }
}
