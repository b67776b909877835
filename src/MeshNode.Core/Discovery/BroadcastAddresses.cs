using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MeshNode.Core.Discovery;

/// <summary>Where discovery broadcasts go: the directed broadcast address of every up IPv4 interface.</summary>
public static class BroadcastAddresses
{
    /// <summary>The limited broadcast address, sent to as well as every interface's own.</summary>
    public static IPAddress Limited { get; } = IPAddress.Broadcast;

    /// <summary>The directed broadcast address of <paramref name="address"/> in the network of <paramref name="mask"/>.</summary>
    /// <exception cref="ArgumentException">When either is not IPv4 or the mask is not contiguous.</exception>
    public static IPAddress Compute(IPAddress address, IPAddress mask)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(mask);
        if (address.AddressFamily != AddressFamily.InterNetwork || mask.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"Broadcast needs IPv4 (got {address} mask {mask}).");
        }

        var maskBits = ToUInt32(mask);
        if ((~maskBits & (~maskBits + 1)) != 0)
        {
            throw new ArgumentException($"Mask {mask} is not contiguous.", nameof(mask));
        }

        return FromUInt32(ToUInt32(address) | ~maskBits);
    }

    /// <summary>
    /// The broadcast addresses of the given interface addresses: up, not loopback, not
    /// point-to-point or tunnel, and with room for a broadcast address (prefix /30 or shorter).
    /// Duplicates are removed; order follows the input.
    /// </summary>
    public static IReadOnlyList<IPAddress> Select(IEnumerable<InterfaceAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var result = new List<IPAddress>();
        foreach (var candidate in addresses)
        {
            if (!candidate.IsUp
                || candidate.Type is NetworkInterfaceType.Loopback or NetworkInterfaceType.Ppp or NetworkInterfaceType.Tunnel
                || candidate.Address.AddressFamily != AddressFamily.InterNetwork
                || IPAddress.IsLoopback(candidate.Address)
                || candidate.Mask.AddressFamily != AddressFamily.InterNetwork
                || System.Numerics.BitOperations.PopCount(ToUInt32(candidate.Mask)) > 30)
            {
                continue;
            }

            IPAddress broadcast;
            try
            {
                broadcast = Compute(candidate.Address, candidate.Mask);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (!result.Contains(broadcast))
            {
                result.Add(broadcast);
            }
        }

        return result;
    }

    /// <summary>The broadcast addresses of this machine's interfaces right now.</summary>
    public static IReadOnlyList<IPAddress> OfUpInterfaces()
    {
        var found = new List<InterfaceAddress>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            IPInterfaceProperties properties;
            try
            {
                properties = nic.GetIPProperties();
            }
            catch (NetworkInformationException)
            {
                continue;
            }

            foreach (var unicast in properties.UnicastAddresses)
            {
                if (unicast.Address.AddressFamily == AddressFamily.InterNetwork && unicast.IPv4Mask is { } mask)
                {
                    found.Add(new InterfaceAddress(nic.Name, nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown, nic.NetworkInterfaceType, unicast.Address, mask));
                }
            }
        }

        return Select(found);
    }

    private static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static IPAddress FromUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
