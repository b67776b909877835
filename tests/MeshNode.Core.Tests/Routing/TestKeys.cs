using MeshNode.Core.Routing;

namespace MeshNode.Core.Tests.Routing;

/// <summary>Readable node keys and message ids for tests: key order equals number order.</summary>
internal static class TestKeys
{
    public static NodeKey Node(int number) => new(0xA000_0000_0000_0000UL, (ulong)number);

    public static MessageId Message(int number) => new(0xB000_0000_0000_0000UL, (ulong)number);
}
