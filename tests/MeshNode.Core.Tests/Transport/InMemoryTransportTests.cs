using MeshNode.Core.Transport;

namespace MeshNode.Core.Tests.Transport;

/// <summary>The transport contract on the in-memory network.</summary>
public sealed class InMemoryTransportTests : TransportContractTests
{
    private readonly InMemoryNetwork _network = new(seed: 7, settings: Settings);

    // Source pipe, wire queue and destination pipe: about 3 x 64 KiB.
    protected override long BackPressureBound => 512L * 1024;

    protected override ITransport CreateTransport(string node)
    {
        return _network.CreateTransport(node);
    }

    protected override TransportEndpoint AnyPort(string node)
    {
        return new TransportEndpoint(node, 0);
    }

    protected override Task<TransportEndpoint> NothingListensAsync()
    {
        _network.CreateTransport("silent");
        return Task.FromResult(new TransportEndpoint("silent", 9));
    }
}
