namespace MeshNode.Core.Routing;

/// <summary>A request the router sends to <paramref name="Peer"/>: "send me this broadcast, I only saw its digest".</summary>
/// <param name="Origin">The broadcast's origin.</param>
/// <param name="Id">The broadcast's message id.</param>
/// <param name="Peer">The link to ask: one that sent a digest for it.</param>
public readonly record struct PullRequest(NodeKey Origin, MessageId Id, NodeKey Peer);
