using System.Text.Json;
using MeshNode.Core.Node;

namespace MeshNode.Cli.Headless;

/// <summary>Writes the fields of each node event and view (docs/cli.md lists them).</summary>
internal static class HeadlessEventFields
{
    /// <summary>Writes <paramref name="nodeEvent"/>'s own fields into the open object.</summary>
    /// <param name="w">The writer, inside the event object.</param>
    /// <param name="nodeEvent">The event.</param>
    public static void Write(Utf8JsonWriter w, NodeEvent nodeEvent)
    {
        switch (nodeEvent)
        {
            case NodeStarted e:
                w.WriteString("node_id", e.NodeId);
                w.WriteString("name", e.Name);
                w.WriteNumber("port", e.Port);
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteString("security", e.Security);
                break;
            case PeerDiscovered e:
                w.WriteString("node_id", e.NodeId);
                w.WriteString("name", e.Name);
                w.WriteString("endpoint", e.Endpoint);
                w.WriteString("via", e.Via);
                break;
            case LinkUp e:
                w.WriteString("node_id", e.NodeId);
                w.WriteString("name", e.Name);
                w.WriteString("endpoint", e.Endpoint);
                w.WriteBoolean("inbound", e.Inbound);
                break;
            case LinkDown e:
                w.WriteString("node_id", e.NodeId);
                w.WriteString("name", e.Name);
                w.WriteString("reason", e.Reason);
                break;
            case ChatReceived e:
                w.WriteString("message_id", e.MessageId);
                w.WriteString("from_id", e.FromId);
                w.WriteString("from_name", e.FromName);
                w.WriteString("text", e.Text);
                w.WriteString("scope", e.Scope);
                w.WriteString("security", e.Security);
                w.WriteNumber("hops", e.Hops);
                w.WriteString("sent_at", e.SentAt);
                w.WriteBoolean("from_changed_key", e.FromChangedKey);
                break;
            case ChatDelivered e:
                w.WriteString("message_id", e.MessageId);
                w.WriteString("to_id", e.ToId);
                break;
            case ChatQueued e:
                w.WriteString("message_id", e.MessageId);
                w.WriteString("to_id", e.ToId);
                break;
            case TopologyChanged e:
                WriteTopology(w, e.Topology);
                break;
            case KeyChanged e:
                w.WriteString("node_id", e.NodeId);
                w.WriteString("name", e.Name);
                w.WriteString("old_fingerprint", e.OldFingerprint);
                w.WriteString("new_fingerprint", e.NewFingerprint);
                break;
            case NodeWarning e:
                w.WriteString("message", e.Message);
                break;
            case NodeError e:
                w.WriteString("message", e.Message);
                break;
            default:
                // An event type newer than this writer: its name still goes out, so scripts see it.
                break;
        }
    }

    /// <summary>Writes a topology graph: <c>self</c>, <c>nodes</c> and <c>edges</c>.</summary>
    /// <param name="w">The writer, inside an object.</param>
    /// <param name="topology">The graph.</param>
    public static void WriteTopology(Utf8JsonWriter w, TopologyView topology)
    {
        w.WriteString("self", topology.Self);
        w.WriteStartArray("nodes");
        foreach (var node in topology.Nodes)
        {
            w.WriteStartObject();
            w.WriteString("node_id", node.NodeId);
            w.WriteString("name", node.Name);
            WriteNullable(w, "hops", node.Hops);
            if (node.NextHop is null)
            {
                w.WriteNull("next_hop");
            }
            else
            {
                w.WriteString("next_hop", node.NextHop);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("edges");
        foreach (var edge in topology.Edges)
        {
            w.WriteStartObject();
            w.WriteString("a", edge.A);
            w.WriteString("b", edge.B);
            w.WriteNumber("rtt_ms", edge.Rtt.TotalMilliseconds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes a peer list: <c>peers</c>, an array of objects.</summary>
    /// <param name="w">The writer, inside an object.</param>
    /// <param name="peers">The peers.</param>
    public static void WritePeers(Utf8JsonWriter w, IReadOnlyList<PeerView> peers)
    {
        w.WriteStartArray("peers");
        foreach (var peer in peers)
        {
            w.WriteStartObject();
            w.WriteString("node_id", peer.NodeId);
            w.WriteString("name", peer.Name);
            w.WriteString("short_fingerprint", peer.ShortFingerprint);
            WriteNullable(w, "hops", peer.Hops);
            if (peer.Rtt is { } rtt)
            {
                w.WriteNumber("rtt_ms", rtt.TotalMilliseconds);
            }
            else
            {
                w.WriteNull("rtt_ms");
            }

            w.WriteBoolean("online", peer.Online);
            w.WriteBoolean("linked", peer.Linked);
            w.WriteString("trust", peer.Trust);
            if (peer.LastSeen is { } seen)
            {
                w.WriteString("last_seen", seen);
            }
            else
            {
                w.WriteNull("last_seen");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
