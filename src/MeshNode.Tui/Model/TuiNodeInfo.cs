namespace MeshNode.Tui.Model;

/// <summary>
/// One node the UI speaks for, as known before its first event: id, display name, fingerprint and
/// the TCP port it listens on. A lab has one per node; <c>meshnode run</c> has exactly one.
/// </summary>
internal sealed record TuiNodeInfo(string NodeId, string Name, string Fingerprint, int Port);
