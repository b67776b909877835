using System.Text.Json;
using MeshNode.Core.Node;

namespace MeshNode.Cli.Headless;

/// <summary>
/// Writes node events and command replies as one JSON object per line (snake_case, an
/// <c>event</c> field first, then <c>node</c> in a lab, then <c>at</c>), flushed after every line.
/// Thread-safe: the nodes of a lab write through one writer.
/// </summary>
internal sealed class HeadlessEventWriter
{
    private readonly TextWriter _output;
    private readonly Lock _gate = new();
    private readonly MemoryStream _buffer = new();
    private readonly TimeProvider _time;

    /// <summary>Creates a writer.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="time">Stamps replies and errors that do not come from a node event.</param>
    public HeadlessEventWriter(TextWriter output, TimeProvider time)
    {
        _output = output;
        _time = time;
    }

    /// <summary>Writes a node event.</summary>
    /// <param name="nodeEvent">The event.</param>
    /// <param name="node">The lab node index, or null outside a lab.</param>
    public void Write(NodeEvent nodeEvent, int? node = null)
    {
        ArgumentNullException.ThrowIfNull(nodeEvent);
        var name = HeadlessEventNames.Of(nodeEvent);
        Emit(name, node, nodeEvent.At, w => HeadlessEventFields.Write(w, nodeEvent));
    }

    /// <summary>Writes the reply to <c>/peers</c>.</summary>
    /// <param name="peers">The peers.</param>
    /// <param name="node">The lab node index, or null.</param>
    public void WritePeers(IReadOnlyList<PeerView> peers, int? node = null) =>
        Emit("peers", node, _time.GetUtcNow(), w => HeadlessEventFields.WritePeers(w, peers));

    /// <summary>Writes the reply to <c>/topology</c>.</summary>
    /// <param name="topology">The graph.</param>
    /// <param name="node">The lab node index, or null.</param>
    public void WriteTopology(TopologyView topology, int? node = null) =>
        Emit("topology", node, _time.GetUtcNow(), w => HeadlessEventFields.WriteTopology(w, topology));

    /// <summary>Writes the reply to <c>/trace</c>.</summary>
    /// <param name="trace">The path.</param>
    /// <param name="node">The lab node index, or null.</param>
    public void WriteTrace(TraceView trace, int? node = null) =>
        Emit("trace", node, _time.GetUtcNow(), w =>
        {
            w.WriteString("target", trace.Target);
            w.WriteStartArray("hops");
            foreach (var hop in trace.Hops)
            {
                w.WriteStringValue(hop);
            }

            w.WriteEndArray();
            w.WriteNumber("round_trip_ms", trace.RoundTrip.TotalMilliseconds);
        });

    /// <summary>Writes the reply to <c>/all</c> or <c>/msg</c>: the message id, and whether it waits in the outbox.</summary>
    /// <param name="outcome">What the node did with the message.</param>
    /// <param name="scope">"all" or "direct".</param>
    /// <param name="node">The lab node index, or null.</param>
    public void WriteSent(SendOutcome outcome, string scope, int? node = null) =>
        Emit("sent", node, _time.GetUtcNow(), w =>
        {
            w.WriteString("message_id", outcome.MessageId);
            w.WriteString("scope", scope);
            w.WriteBoolean("queued", outcome.Queued);
        });

    /// <summary>Writes a short acknowledgement of a command that has no other reply (<c>/connect</c>, <c>/trust</c>, <c>/as</c>).</summary>
    /// <param name="command">The command name, e.g. "connect".</param>
    /// <param name="detail">What was done.</param>
    /// <param name="node">The lab node index, or null.</param>
    public void WriteOk(string command, string detail, int? node = null) =>
        Emit("ok", node, _time.GetUtcNow(), w =>
        {
            w.WriteString("command", command);
            w.WriteString("detail", detail);
        });

    /// <summary>Writes the reply to <c>/help</c>.</summary>
    /// <param name="commands">The usage lines.</param>
    public void WriteHelp(IReadOnlyList<string> commands) =>
        Emit("help", null, _time.GetUtcNow(), w =>
        {
            w.WriteStartArray("commands");
            foreach (var command in commands)
            {
                w.WriteStringValue(command);
            }

            w.WriteEndArray();
        });

    /// <summary>Writes an <c>error</c> event for a refused command or a failed operation.</summary>
    /// <param name="message">The message for the user.</param>
    /// <param name="node">The lab node index, or null.</param>
    public void WriteError(string message, int? node = null) =>
        Emit("error", node, _time.GetUtcNow(), w => w.WriteString("message", message));

    private void Emit(string name, int? node, DateTimeOffset at, Action<Utf8JsonWriter> body)
    {
        lock (_gate)
        {
            _buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(_buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("event", name);
                if (node is { } index)
                {
                    writer.WriteNumber("node", index);
                }

                writer.WriteString("at", at);
                body(writer);
                writer.WriteEndObject();
            }

            _output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
            _output.Write('\n');
            _output.Flush();
        }
    }
}
