namespace MeshNode.Core.Tests.NetNs;

/// <summary>A simulated machine: one network namespace with an address on each bridge it joins.</summary>
/// <param name="Name">The short name the test gave it.</param>
/// <param name="Namespace">The namespace name (with the run's prefix).</param>
/// <param name="Addresses">Its IPv4 addresses, one per bridge, in the order joined.</param>
public sealed record NetNsHost(string Name, string Namespace, IReadOnlyList<string> Addresses)
{
    public string Address => Addresses[0];
}
