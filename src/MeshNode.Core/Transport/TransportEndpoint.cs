using System.Globalization;
using System.Net;

namespace MeshNode.Core.Transport;

/// <summary>
/// Where a transport listens or connects: a host (IP literal, DNS name, or an in-memory node name)
/// and a port. Prints as <c>host:port</c>, or <c>[v6]:port</c> for IPv6 literals, and
/// <see cref="Parse"/> reads both forms back.
/// </summary>
/// <param name="Host">The host without brackets; never empty.</param>
/// <param name="Port">0 to 65535; 0 asks a listener for any free port.</param>
public sealed record TransportEndpoint(string Host, int Port)
{
    /// <summary>The host, validated: not empty or blank.</summary>
    public string Host { get; } = !string.IsNullOrWhiteSpace(Host)
        ? Host
        : throw new ArgumentException("An endpoint needs a host.", nameof(Host));

    /// <summary>The port, validated: 0 to 65535.</summary>
    public int Port { get; } = Port is >= 0 and <= IPEndPoint.MaxPort
        ? Port
        : throw new ArgumentOutOfRangeException(nameof(Port), Port, "A port is 0 to 65535.");

    /// <summary>True when the host is an IPv6 literal (printed in brackets).</summary>
    public bool IsIPv6Literal => Host.Contains(':', StringComparison.Ordinal);

    /// <summary>Makes an endpoint from a socket address.</summary>
    public static TransportEndpoint FromIPEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        return new TransportEndpoint(address.ToString(), endPoint.Port);
    }

    /// <summary>
    /// Reads <c>HOST:PORT</c> or <c>[IPv6]:PORT</c>. Throws <see cref="FormatException"/> naming
    /// the text and what is wrong with it.
    /// </summary>
    public static TransportEndpoint Parse(string text)
    {
        return TryParse(text, out var endpoint, out var error)
            ? endpoint
            : throw new FormatException($"Bad endpoint '{text}': {error}");
    }

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out TransportEndpoint endpoint)
    {
        return TryParse(text, out endpoint, out _);
    }

    private static bool TryParse(string? text, out TransportEndpoint endpoint, out string error)
    {
        endpoint = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "it is empty; expected HOST:PORT or [IPv6]:PORT.";
            return false;
        }

        text = text.Trim();
        string host;
        string portText;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = "'[' without a closing ']'; write IPv6 addresses as [::1]:PORT.";
                return false;
            }

            host = text[1..close];
            if (close + 1 >= text.Length || text[close + 1] != ':')
            {
                error = "expected ':PORT' after ']'.";
                return false;
            }

            portText = text[(close + 2)..];
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                error = $"'{host}' in brackets is not an IPv6 address.";
                return false;
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon < 0)
            {
                error = "no port; expected HOST:PORT.";
                return false;
            }

            host = text[..colon];
            portText = text[(colon + 1)..];
            if (host.Contains(':', StringComparison.Ordinal))
            {
                error = $"an IPv6 address needs brackets, as in [{host}]:{portText}.";
                return false;
            }
        }

        if (host.Length == 0)
        {
            error = "no host before ':PORT'.";
            return false;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            error = $"port '{portText}' is not a number from 0 to 65535.";
            return false;
        }

        endpoint = new TransportEndpoint(host, port);
        error = string.Empty;
        return true;
    }

    /// <summary><c>host:port</c>, or <c>[host]:port</c> for IPv6 literals.</summary>
    public override string ToString()
    {
        return IsIPv6Literal
            ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
    }
}
