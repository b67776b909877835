namespace MeshNode.Protocol.Wire;

/// <summary>A TCP address a node listens on, as announced or exchanged: a host (IP literal or name) and a port.</summary>
/// <param name="Host">An IPv4/IPv6 literal or DNS name, at most 253 characters.</param>
/// <param name="Port">1..65535.</param>
public readonly record struct PeerEndpoint(string Host, int Port)
{
    /// <summary>The longest accepted host text (a DNS name's maximum).</summary>
    public const int MaxHostLength = 253;

    /// <summary>"host:port", with IPv6 literals in brackets.</summary>
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    internal static PeerEndpoint FromWire(TcpEndpoint endpoint)
    {
        if (endpoint.Host.Length is 0 or > MaxHostLength || endpoint.Port is 0 or > ushort.MaxValue)
        {
            throw new ProtocolViolationException(
                ProtocolViolationReason.MalformedMessage, "Endpoint host must be 1-253 characters and port 1-65535.");
        }

        return new PeerEndpoint(endpoint.Host, (int)endpoint.Port);
    }

    internal TcpEndpoint ToWire()
    {
        if (string.IsNullOrEmpty(Host) || Host.Length > MaxHostLength || Port is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentException("Endpoint host must be 1-253 characters and port 1-65535.");
        }

        return new TcpEndpoint { Host = Host, Port = (uint)Port };
    }
}
