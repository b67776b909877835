using MeshNode.Actors;
using MeshNode.Core.Links;
using MeshNode.Core.Node;
using MeshNode.Core.Routing;
using MeshNode.Core.Store;
using MeshNode.Core.Topology;
using MeshNode.Protocol;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Chat;

/// <summary>
/// The chat actor (/user/node/chat): broadcasts (network-sealed in passphrase mode, never
/// acknowledged per recipient) and direct messages sealed end to end to the recipient's sealing key,
/// with end-to-end delivery receipts, retries with backoff, and a queue for peers that are away
/// (sent when they become reachable again, until <c>mesh.router.store-and-forward-ttl</c>).
/// Every received message carries the protection its origin signed (link, network or e2e).
/// History and trust-on-first-use go through the node's <see cref="IMeshStore"/>.
/// </summary>
internal sealed class ChatActor : ReceiveActor, IWithTimers
{
    private readonly LinkContext _context;
    private readonly IActorRef _router;
    private readonly ChatPersistence _persistence;
    private readonly IMeshStore _store;
    private readonly PeerDirectory _peers = new();
    private readonly PeerTrust _trust;
    private readonly Dictionary<string, PendingDirect> _pending = [];
    private readonly RecentDirectIds _recentDirect;
    private readonly RecentReceipts _receipts = new();
    private IReadOnlySet<NodeId> _reachable = new HashSet<NodeId>();

    public ChatActor(LinkContext context, IActorRef router, IMeshStore store, ChatPersistence persistence)
    {
        _context = context;
        _router = router;
        _store = store;
        _persistence = persistence;
        _persistence.PublishTo(Context.System.EventStream);
        _recentDirect = new RecentDirectIds(context.Settings.Chat.RecentDirectCacheSize);
        _trust = new PeerTrust(_peers);

        Receive<SendToAll>(OnSendToAll);
        Receive<SendDirect>(OnSendDirect);
        Receive<DeliverEnvelope>(OnDeliver);
        Receive<LinkAttached>(m =>
        {
            var entry = Learn(m.Peer.Id, m.Peer.Name, m.Peer.IdentityKey, m.Peer.SealingKey, [m.Peer.Endpoint.ToString()]);
            entry.Linked = true;
            FlushTo(m.Peer.Id);
        });
        Receive<LinkDetached>(m =>
        {
            if (_peers.Find(m.Peer) is { } entry)
            {
                entry.Linked = false;
            }
        });
        Receive<PeerLearned>(m => Learn(m.Id, m.Name, m.IdentityKey, m.SealingKey, []));
        Receive<ReachabilityChanged>(m =>
        {
            _reachable = m.Reachable;
            foreach (var id in _pending.Values.Where(p => p.Queued && IsReachable(p.Destination)).Select(p => p.Destination).Distinct().ToArray())
            {
                FlushTo(id);
            }

            foreach (var (origin, ids) in _receipts.TakeDue(_context.Now))
            {
                SendReceipt(origin, ids);
            }
        });
        Receive<KeyChangeSeen>(m =>
        {
            if (_trust.OnKeyChangeSeen(m, _context.Now) is { } changed)
            {
                LinkContext.Publish(Context, changed);
            }
        });
        Receive<PeerKeyAccepted>(_trust.OnAccepted);
        ReceiveAsync<TrustPeer>(OnTrustAsync);
        Receive<GetPeers>(_ => Sender?.Tell(PeerViews()));
        Receive<RetryTick>(_ => OnRetryTick());
        ReceiveAsync<LoadOutbox>(_ => LoadOutboxAsync());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Self.Tell(LoadOutbox.Instance);
        Timers.StartPeriodicTimer("retry", RetryTick.Instance, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Takes back the direct messages an earlier run left undelivered in the store: their signed,
    /// sealed envelopes are sent again as they are when the destination becomes reachable.
    /// </summary>
    private async Task LoadOutboxAsync()
    {
        try
        {
            foreach (var pending in await OutboxReader.ReadAsync(_store, _context))
            {
                _pending.TryAdd(pending.MessageId, pending);
            }
        }
        catch (MeshStoreException ex)
        {
            LinkContext.Publish(Context, new NodeWarning(_context.Now, $"cannot read the outbox: {ex.Message}"));
        }

        // A peer may have linked while the store was read: send to it now rather than at the next change.
        foreach (var id in _pending.Values.Where(p => p.Queued && IsReachable(p.Destination)).Select(p => p.Destination).Distinct().ToArray())
        {
            FlushTo(id);
        }
    }

    private bool IsReachable(NodeId id) => _reachable.Contains(id) || _peers.Find(id)?.Linked == true;

    private PeerEntry Learn(NodeId id, string name, ReadOnlyMemory<byte> identityKey, ReadOnlyMemory<byte> sealingKey, IReadOnlyList<string> endpoints)
    {
        var isNew = _peers.Find(id) is null;
        var entry = _peers.Learn(id, name, identityKey, sealingKey, _context.Now);
        _trust.Learned(entry, isNew);

        _persistence.CheckPeer(Self, new PeerSighting(id.ToString(), name, identityKey.ToArray(), sealingKey.ToArray(), _context.Now, endpoints, PinName: true));
        return entry;
    }

    private void OnSendToAll(SendToAll command)
    {
        if (!TryValidate(command.Text))
        {
            return;
        }

        var now = _context.Now;
        var body = new ChatBody(command.Text, now.ToUnixTimeMilliseconds(), ChatScope.All);
        var envelope = OutboundEnvelopes.Create(_context, null, body, OutboundEnvelopes.SharedProtection(_context));
        _router.Tell(new RouteEnvelope(envelope));
        var id = envelope.Id.ToString();
        if (!_peers.All.Any(p => p.Linked))
        {
            // Broadcasts are never stored for later (nobody acknowledges them), so say plainly
            // that this one reached nobody rather than let it vanish.
            LinkContext.Publish(Context, new NodeWarning(now, $"message {id} to everyone reached nobody: no links yet (it stays in history, it is not resent)"));
        }

        _persistence.Record(new ChatMessageRecord(
            id, ChatConversations.All, _context.Identity.Id.ToString(), command.Text, now, now, ChatSecurity.Of(envelope.Protection), 0, ChatMessageFlags.Outgoing));
        Sender?.Tell(new SendOutcome(id, Queued: false));
    }

    private void OnSendDirect(SendDirect command)
    {
        if (!TryValidate(command.Text))
        {
            return;
        }

        PeerEntry peer;
        try
        {
            peer = _peers.Resolve(command.NameOrId);
        }
        catch (NodeCommandException ex)
        {
            Sender?.Tell(new Status.Failure(ex));
            return;
        }

        var now = _context.Now;
        var envelope = MakeDirect(peer, command.Text, now);
        var id = envelope.Id.ToString();
        var pending = new PendingDirect(peer.Id, now, envelope);
        _pending[id] = pending;
        _persistence.Record(new ChatMessageRecord(
            id, peer.Id.ToString(), _context.Identity.Id.ToString(), command.Text, now, now, MessageSecurity.EndToEnd, 0, ChatMessageFlags.Outgoing));
        // Every direct message waits in the persistent outbox until its receipt, so a restart keeps it.
        _persistence.Enqueue(new OutboxItem(
            id, peer.Id.ToString(), envelope.Encoded.ToArray(), now, 0, now, now + _context.Settings.Router.StoreAndForwardTtl));
        if (IsReachable(peer.Id))
        {
            Attempt(pending);
        }
        else
        {
            Queue(pending);
        }

        Sender?.Tell(new SendOutcome(id, pending.Queued));
    }

    private bool TryValidate(string text)
    {
        if (string.IsNullOrEmpty(text) || System.Text.Encoding.UTF8.GetByteCount(text) > _context.BodyLimits.MaxChatTextBytes)
        {
            Sender?.Tell(new Status.Failure(new NodeCommandException(
                $"A message is 1 to {_context.BodyLimits.MaxChatTextBytes} bytes of UTF-8 (mesh.chat.max-text-bytes).")));
            return false;
        }

        return true;
    }

    private VerifiedEnvelope MakeDirect(PeerEntry peer, string text, DateTimeOffset sentAt) =>
        OutboundEnvelopes.Create(
            _context,
            peer.Id,
            new ChatBody(text, sentAt.ToUnixTimeMilliseconds(), ChatScope.Direct),
            EnvelopeProtection.EndToEnd,
            peer.SealingKey);

    /// <summary>Sends the pending message's one envelope again (never a new one: the id must not change).</summary>
    private void Attempt(PendingDirect pending)
    {
        pending.Queued = false;
        pending.Attempts++;
        pending.NextAttemptAt = _context.Now + TimeSpan.FromSeconds(Math.Min(_context.Settings.Chat.RetryMaxBackoff.TotalSeconds, Math.Pow(2, pending.Attempts)));
        _router.Tell(new RouteEnvelope(pending.Envelope));
    }

    private void Queue(PendingDirect pending)
    {
        pending.Queued = true;
        LinkContext.Publish(Context, new ChatQueued(_context.Now, pending.MessageId, pending.Destination.ToString()));
    }

    private void FlushTo(NodeId destination)
    {
        foreach (var pending in _pending.Values.Where(p => p.Destination == destination && p.Queued).ToArray())
        {
            Attempt(pending);
        }
    }

    private void OnRetryTick()
    {
        var now = _context.Now;
        var ttl = _context.Settings.Router.StoreAndForwardTtl;
        foreach (var pending in _pending.Values.ToArray())
        {
            if (now - pending.SentAt > ttl)
            {
                _pending.Remove(pending.MessageId);
                LinkContext.Publish(Context, new NodeWarning(now, $"message {pending.MessageId} to {pending.Destination.Short} expired undelivered"));
            }
            else if (!pending.Queued && now >= pending.NextAttemptAt)
            {
                if (IsReachable(pending.Destination))
                {
                    Attempt(pending);
                }
                else
                {
                    pending.Queued = true;
                    LinkContext.Publish(Context, new ChatQueued(now, pending.MessageId, pending.Destination.ToString()));
                }
            }
        }
    }

    private void OnDeliver(DeliverEnvelope message)
    {
        var envelope = message.Envelope;
        EnvelopeBody body;
        try
        {
            body = BodyProtector.Open(envelope, _context.Identity, _context.Fernet, _context.BodyLimits);
        }
        catch (ProtocolViolationException ex)
        {
            _context.Counters.UnreadableBody();
            LinkContext.Publish(Context, new NodeWarning(_context.Now, $"cannot read a message from {envelope.Origin.Short}: {ex.Reason}"));
            return;
        }

        switch (body)
        {
            case ChatBody chat:
                OnChat(envelope, chat);
                break;
            case DeliveryReceiptBody receipt when envelope.Destination == _context.Identity.Id:
                OnReceipt(envelope.Origin, receipt);
                break;
            default:
                break;
        }
    }

    private void OnChat(VerifiedEnvelope envelope, ChatBody chat)
    {
        var direct = envelope.Destination is not null;
        if (direct != (chat.Scope == ChatScope.Direct))
        {
            _context.Counters.RejectedEnvelope();
            return;
        }

        if (direct)
        {
            // A repeat is the sender retrying after a lost receipt: receipt it again, show it once.
            SendReceipt(envelope.Origin, [envelope.Id]);
            _receipts.Sent(envelope.Origin, envelope.Id, _context.Now);
            if (!_recentDirect.TryAdd(envelope.Origin, envelope.Id))
            {
                return;
            }
        }

        var peer = _peers.Find(envelope.Origin);
        var changedKey = peer?.KeyChanged == true;
        var now = _context.Now;
        var sentAt = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(chat.SentAtUnixMs, 0, 253402300799999));
        var security = ChatSecurity.Of(envelope.Protection);
        var hops = (int)envelope.HopsTravelled;
        var id = envelope.Id.ToString();
        var from = envelope.Origin.ToString();
        LinkContext.Publish(Context, new ChatReceived(
            now, id, from, peer?.Name ?? envelope.Origin.Short, chat.Text, direct ? "direct" : "all", ChatSecurity.Label(security), hops, sentAt, changedKey));
        _persistence.Record(new ChatMessageRecord(
            id,
            direct ? from : ChatConversations.All,
            from,
            chat.Text,
            sentAt,
            now,
            security,
            hops,
            changedKey ? ChatMessageFlags.FromChangedKey : ChatMessageFlags.None));
    }

    private void SendReceipt(NodeId origin, IReadOnlyList<EnvelopeId> ids)
    {
        var receipt = new DeliveryReceiptBody(ids, _context.Now.ToUnixTimeMilliseconds());
        var peer = _peers.Find(origin);
        var reply = peer is null
            ? OutboundEnvelopes.Create(_context, origin, receipt, OutboundEnvelopes.SharedProtection(_context))
            : OutboundEnvelopes.Create(_context, origin, receipt, EnvelopeProtection.EndToEnd, peer.SealingKey);
        _router.Tell(new RouteEnvelope(reply));
    }

    private void OnReceipt(NodeId from, DeliveryReceiptBody receipt)
    {
        foreach (var envelopeId in receipt.MessageIds)
        {
            var messageId = envelopeId.ToString();
            if (_pending.TryGetValue(messageId, out var pending) && pending.Destination == from)
            {
                _pending.Remove(messageId);
                _persistence.Delivered(messageId, _context.Now);
                LinkContext.Publish(Context, new ChatDelivered(_context.Now, messageId, from.ToString()));
            }
        }
    }

    private async Task OnTrustAsync(TrustPeer command)
    {
        var replyTo = Sender;
        PeerEntry peer;
        string fingerprint;
        try
        {
            (peer, fingerprint) = _trust.Resolve(command);
        }
        catch (NodeCommandException ex)
        {
            replyTo?.Tell(new Status.Failure(ex));
            return;
        }

        var result = await _persistence.TrustAsync(peer.Id.ToString(), command.Fingerprint);
        if (result == TrustResult.Trusted)
        {
            PeerTrust.Trusted(peer, fingerprint);
            replyTo?.Tell(result);
        }
        else
        {
            replyTo?.Tell(new Status.Failure(new NodeCommandException(
                result == TrustResult.UnknownPeer
                    ? $"{peer.Name} is not in the store yet; try again in a moment."
                    : $"That fingerprint is not {peer.Name}'s current key ({Fingerprint.ShortOf(peer.IdentityKey.Span)}...): nothing was trusted. Compare it again with {peer.Name} out of band.")));
        }
    }

    private IReadOnlyList<PeerView> PeerViews() => _peers.All
        .Select(p => new PeerView(
            p.Id.ToString(),
            p.Name,
            Fingerprint.ShortOf(p.IdentityKey.Span),
            null,
            null,
            IsReachable(p.Id),
            p.Linked,
            p.KeyChanged ? "key-changed" : "pinned",
            p.LastSeen))
        .ToArray();

    private sealed record LoadOutbox
    {
        public static readonly LoadOutbox Instance = new();
    }

    private sealed record RetryTick
    {
        public static readonly RetryTick Instance = new();
    }
}
