using MeshNode.Core.Transport;

namespace MeshNode.Core.Node;

// Commands the node facade sends to the node guardian, which forwards each to the actor that owns it.

/// <summary>Dial an endpoint now and keep redialing it when the link drops.</summary>
internal sealed record ConnectTo(TransportEndpoint Endpoint);
