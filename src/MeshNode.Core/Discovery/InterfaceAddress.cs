using System.Net;
using System.Net.NetworkInformation;

namespace MeshNode.Core.Discovery;

/// <summary>One IPv4 address of one interface, as <see cref="BroadcastAddresses"/> sees it.</summary>
/// <param name="InterfaceName">The interface's name, for logs.</param>
/// <param name="IsUp">The interface is operationally up.</param>
/// <param name="Type">The interface's type (loopback, point-to-point and tunnels have no broadcast).</param>
/// <param name="Address">The unicast IPv4 address.</param>
/// <param name="Mask">Its IPv4 network mask.</param>
public sealed record InterfaceAddress(string InterfaceName, bool IsUp, NetworkInterfaceType Type, IPAddress Address, IPAddress Mask);
