using System.Net.Sockets;

namespace MeshNode.Core.Tests.Support;

/// <summary>A fact skipped with a reason where the machine has no IPv6.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IPv6FactAttribute : FactAttribute
{
    public IPv6FactAttribute()
    {
        if (!Socket.OSSupportsIPv6)
        {
            Skip = "IPv6 is not available on this machine.";
        }
    }
}
