using System.Net;

namespace MeshNode.Core.Discovery;

/// <summary>One received discovery datagram, unverified: the protocol layer checks its signature.</summary>
/// <param name="Payload">The bytes exactly as received (sign and verify these, never a re-encoding).</param>
/// <param name="Sender">Where it came from (address and source port).</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record DiscoveryDatagram(byte[] Payload, IPEndPoint Sender, DateTimeOffset ReceivedAt);
