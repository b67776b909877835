using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MeshNode.Config;

/// <summary>Finding peers: UDP broadcast announcements and static peers (<c>mesh.discovery</c>).</summary>
public sealed record DiscoverySettings
{
    /// <summary>Whether to announce and listen on UDP broadcast; static peers are used either way.</summary>
    public required bool Enabled { get; init; }

    /// <summary>UDP port for announcements (1-65535), the same for every node of a mesh.</summary>
    public required int Port { get; init; }

    /// <summary>Time between announcements (at least 10 ms).</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>Largest random delay added to each interval (zero or more).</summary>
    public required TimeSpan Jitter { get; init; }

    /// <summary>Silence after which a peer is shown as away; longer than <see cref="Interval"/>.</summary>
    public required TimeSpan AwayTimeout { get; init; }

    /// <summary>Peers to link to directly (host or address, and link port), for networks that filter broadcast.</summary>
    public required IReadOnlyList<DnsEndPoint> StaticPeers { get; init; }

    /// <summary>IPv4 broadcast addresses to announce to; empty means every interface's broadcast address plus 255.255.255.255.</summary>
    public required IReadOnlyList<IPAddress> BroadcastAddresses { get; init; }

    /// <summary>Largest signed announcement accepted, bytes (256-65507, the largest UDP payload).</summary>
    public required int MaxDatagramSize { get; init; }

    /// <summary>How far an announcement's timestamp may lie from this node's clock, either way (at least 1 s).</summary>
    public required TimeSpan MaxClockSkew { get; init; }

    /// <summary>Most nodes remembered from announcements and peer exchange (count, 1-65536).</summary>
    public required int MaxPeers { get; init; }

    internal static DiscoverySettings Read(SettingsReader r)
    {
        var interval = r.Duration("mesh.discovery.interval", TimeSpan.FromMilliseconds(10));
        var away = r.Duration("mesh.discovery.away-timeout", TimeSpan.FromMilliseconds(10));
        if (away <= interval)
        {
            r.Fail("mesh.discovery.away-timeout", $"must be longer than mesh.discovery.interval ({interval.TotalMilliseconds} ms), got {away.TotalMilliseconds} ms");
        }

        var peers = new List<DnsEndPoint>();
        foreach (var text in r.List("mesh.discovery.static-peers"))
        {
            if (TryParseEndPoint(text, out var endPoint))
            {
                peers.Add(endPoint);
            }
            else
            {
                r.Fail("mesh.discovery.static-peers", $"must hold \"host:port\" entries with a port from 1 to 65535, got \"{text}\"");
            }
        }

        var broadcast = new List<IPAddress>();
        foreach (var text in r.List("mesh.discovery.broadcast-addresses"))
        {
            if (IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork)
            {
                broadcast.Add(address);
            }
            else
            {
                r.Fail("mesh.discovery.broadcast-addresses", $"must hold IPv4 addresses, got \"{text}\"");
            }
        }

        return new DiscoverySettings
        {
            Enabled = r.Boolean("mesh.discovery.enabled"),
            Port = r.Integer("mesh.discovery.port", 1, 65535),
            Interval = interval,
            Jitter = r.Duration("mesh.discovery.jitter", TimeSpan.Zero),
            AwayTimeout = away,
            StaticPeers = peers,
            BroadcastAddresses = broadcast,
            MaxDatagramSize = r.Size("mesh.discovery.max-datagram-size", 256, 65507),
            MaxClockSkew = r.Duration("mesh.discovery.max-clock-skew", TimeSpan.FromSeconds(1)),
            MaxPeers = r.Integer("mesh.discovery.max-peers", 1, 65536),
        };
    }

    /// <summary>"host:port" or "[ipv6]:port".</summary>
    internal static bool TryParseEndPoint(string text, out DnsEndPoint endPoint)
    {
        endPoint = null!;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = text[..colon].Trim();
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace) || (host.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _)))
        {
            return false;
        }

        endPoint = new DnsEndPoint(host, port);
        return true;
    }
}
