using System.Net;
using System.Net.NetworkInformation;
using MeshNode.Core.Discovery;

namespace MeshNode.Core.Tests.Discovery;

public sealed class BroadcastAddressesTests
{
    [Theory]
    [InlineData("192.168.1.23", "255.255.255.0", "192.168.1.255")]
    [InlineData("10.231.5.7", "255.255.0.0", "10.231.255.255")]
    [InlineData("172.20.10.2", "255.255.255.240", "172.20.10.15")]
    [InlineData("10.0.0.1", "255.0.0.0", "10.255.255.255")]
    [InlineData("192.168.0.130", "255.255.255.128", "192.168.0.255")]
    public void Computes_the_directed_broadcast_address(string address, string mask, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), BroadcastAddresses.Compute(IPAddress.Parse(address), IPAddress.Parse(mask)));
    }

    [Fact]
    public void Rejects_a_non_contiguous_mask_and_IPv6()
    {
        Assert.Throws<ArgumentException>(() => BroadcastAddresses.Compute(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("255.0.255.0")));
        Assert.Throws<ArgumentException>(() => BroadcastAddresses.Compute(IPAddress.IPv6Loopback, IPAddress.Parse("255.0.0.0")));
    }

    [Fact]
    public void Selects_up_broadcast_capable_interfaces_only_once_each()
    {
        InterfaceAddress[] interfaces =
        [
            new("lo", true, NetworkInterfaceType.Loopback, IPAddress.Loopback, IPAddress.Parse("255.0.0.0")),
            new("eth0", true, NetworkInterfaceType.Ethernet, IPAddress.Parse("192.168.1.23"), IPAddress.Parse("255.255.255.0")),
            new("eth0", true, NetworkInterfaceType.Ethernet, IPAddress.Parse("192.168.1.24"), IPAddress.Parse("255.255.255.0")),
            new("wlan0", false, NetworkInterfaceType.Wireless80211, IPAddress.Parse("10.1.0.5"), IPAddress.Parse("255.255.0.0")),
            new("tun0", true, NetworkInterfaceType.Tunnel, IPAddress.Parse("10.8.0.2"), IPAddress.Parse("255.255.255.0")),
            new("ppp0", true, NetworkInterfaceType.Ppp, IPAddress.Parse("10.9.0.2"), IPAddress.Parse("255.255.255.0")),
            new("p2p", true, NetworkInterfaceType.Ethernet, IPAddress.Parse("10.7.0.1"), IPAddress.Parse("255.255.255.254")),
            new("host", true, NetworkInterfaceType.Ethernet, IPAddress.Parse("10.6.0.1"), IPAddress.Parse("255.255.255.255")),
            new("hotspot", true, NetworkInterfaceType.Wireless80211, IPAddress.Parse("172.20.10.2"), IPAddress.Parse("255.255.255.240")),
        ];

        var selected = BroadcastAddresses.Select(interfaces);

        Assert.Equal([IPAddress.Parse("192.168.1.255"), IPAddress.Parse("172.20.10.15")], selected);
    }
}
