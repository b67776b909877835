namespace MeshNode.Actors;

/// <summary>The receive-timeout timer fired; the cell checks the idle time before delivering <see cref="ReceiveTimeout"/>.</summary>
internal sealed class ReceiveTimeoutFired : KernelMessage
{
    public static ReceiveTimeoutFired Instance { get; } = new();
}
