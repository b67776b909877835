using MeshNode.Core.Links;
using MeshNode.Core.Store;
using MeshNode.Protocol;
using MeshNode.Protocol.Envelopes;

namespace MeshNode.Core.Chat;

/// <summary>
/// Reads back the direct messages an earlier run left undelivered in the store: each stored
/// envelope is verified again (the file may be damaged or edited) and kept only when it is this
/// node's own, directed, and stored under its own id; its bytes are then resent as they are.
/// </summary>
internal static class OutboxReader
{
    /// <summary>Items read per destination; the rest wait for a later read.</summary>
    private const int MaxPerDestination = 1024;

    /// <summary>The pending messages found, waiting (queued) until their destination is reachable.</summary>
    /// <exception cref="MeshStoreException">The store cannot be read.</exception>
    public static async Task<IReadOnlyList<PendingDirect>> ReadAsync(IMeshStore store, LinkContext context)
    {
        var found = new List<PendingDirect>();
        var now = context.Now;
        foreach (var destination in await store.GetOutboxDestinationsAsync().ConfigureAwait(false))
        {
            foreach (var item in await store.GetDueAsync(destination, now, MaxPerDestination).ConfigureAwait(false))
            {
                VerifiedEnvelope envelope;
                try
                {
                    envelope = EnvelopeCodec.Verify(item.Envelope, context.EnvelopeLimits);
                }
                catch (ProtocolViolationException)
                {
                    continue;
                }

                if (envelope.Origin == context.Identity.Id && envelope.Destination is { } to && envelope.Id.ToString() == item.MessageId)
                {
                    found.Add(new PendingDirect(to, item.CreatedAt, envelope) { Queued = true });
                }
            }
        }

        return found;
    }
}
