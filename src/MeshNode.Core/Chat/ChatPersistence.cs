using MeshNode.Actors;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Store;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>
/// The chat actor's writes to the store, run one after another off the actor's turn so a slow
/// disk never stalls the mailbox. A failed write becomes a <see cref="NodeWarning"/>, never a crash.
/// </summary>
internal sealed class ChatPersistence(IMeshStore store, LinkContext context)
{
    private readonly Lock _lock = new();
    private Task _tail = Task.CompletedTask;
    private Actors.EventStream? _events;

    /// <summary>Adds a message to the history.</summary>
    public void Record(ChatMessageRecord message) => Run(() => store.AddMessageAsync(message));

    /// <summary>Puts a direct message in the persistent outbox.</summary>
    public void Enqueue(OutboxItem item) => Run(() => store.EnqueueAsync(item));

    /// <summary>Marks a message delivered in the history and removes it from the outbox.</summary>
    public void Delivered(string messageId, DateTimeOffset at) => Run(async () =>
    {
        await store.MarkDeliveredAsync(messageId, at).ConfigureAwait(false);
        await store.MarkOutboxDeliveredAsync(messageId).ConfigureAwait(false);
    });

    /// <summary>
    /// Trust on first use: tells <paramref name="chat"/> the store's verdict on a sighting, a
    /// <see cref="KeyChangeSeen"/> when a known peer shows a new key (or a new node takes a known
    /// name), else a <see cref="PeerKeyAccepted"/>.
    /// </summary>
    public void CheckPeer(IActorRef chat, PeerSighting sighting) => Run(async () =>
    {
        var result = await store.CheckPeerAsync(sighting).ConfigureAwait(false);
        var id = NodeId.Parse(sighting.NodeId);
        chat.Tell(result.Outcome == TofuOutcome.KeyChanged
            ? new KeyChangeSeen(id, sighting.DisplayName, result.OldFingerprint ?? "unknown (not trusted yet)", result.NewFingerprint ?? "?")
            : new PeerKeyAccepted(id));
    });

    /// <summary>Marks the peer's current key trusted when the fingerprint matches it.</summary>
    public Task<TrustResult> TrustAsync(string nodeId, string fingerprint)
    {
        lock (_lock)
        {
            var task = _tail.ContinueWith(_ => store.TrustAsync(nodeId, fingerprint), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _tail = task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return task;
        }
    }

    /// <summary>Where write failures are published; set once the actor system is known.</summary>
    public void PublishTo(Actors.EventStream events) => _events = events;

    /// <summary>Completes when every write queued so far has finished.</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            return _tail;
        }
    }

    private void Run(Func<Task> operation)
    {
        lock (_lock)
        {
            _tail = _tail.ContinueWith(
                async _ =>
                {
                    try
                    {
                        await operation().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is MeshStoreException or ObjectDisposedException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
                    {
                        _events?.Publish(new NodeWarning(context.Now, $"store write failed: {ex.Message}"));
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default).Unwrap();
        }
    }
}
