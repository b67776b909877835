using Microsoft.Data.Sqlite;

namespace MeshNode.Core.Store;

/// <summary>
/// <see cref="IMeshStore"/> on SQLite: a WAL database file in the profile folder, created readable
/// by its owner only (<see cref="OpenAsync"/>), or a private in-memory database that leaves
/// nothing on disk (<see cref="OpenEphemeralAsync"/>). Both run the same SQL, so they behave alike.
/// One connection, one call at a time, each call one transaction on a pool thread.
/// </summary>
public sealed class SqliteMeshStore : IMeshStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly MeshStoreSettings _settings;
    private readonly string _name;
    private readonly PeerTable _peers;
    private readonly HistoryTable _history;
    private readonly OutboxTable _outbox;
    private bool _disposed;

    private SqliteMeshStore(SqliteConnection connection, MeshStoreSettings settings, string name, string? databasePath)
    {
        _connection = connection;
        _settings = settings;
        _name = name;
        DatabasePath = databasePath;
        _peers = new PeerTable(settings);
        _history = new HistoryTable(settings);
        _outbox = new OutboxTable(settings);
    }

    /// <summary>The database file, or null for an ephemeral store.</summary>
    public string? DatabasePath { get; }

    /// <inheritdoc />
    public bool IsEphemeral => DatabasePath is null;

    /// <summary>
    /// Opens (creating if needed) the store in <paramref name="profileDirectory"/>. A new folder is
    /// created owner-only (0700) and a new file owner-only (0600).
    /// </summary>
    /// <exception cref="MeshStoreException">Corrupt, Foreign, TooNew or Io, naming the file.</exception>
    public static Task<SqliteMeshStore> OpenAsync(string profileDirectory, MeshStoreSettings? settings = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profileDirectory);
        settings ??= MeshStoreSettings.Default;
        settings.Validate();
        var path = Path.Combine(Path.GetFullPath(profileDirectory), settings.FileName);
        return Task.Run(() => Open(path, settings, time ?? TimeProvider.System), cancellationToken);
    }

    /// <summary>Opens a store that lives in memory only and vanishes when disposed (<c>--ephemeral</c>).</summary>
    public static Task<SqliteMeshStore> OpenEphemeralAsync(MeshStoreSettings? settings = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        settings ??= MeshStoreSettings.Default;
        settings.Validate();
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = $"meshnode-ephemeral-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        };
        return Task.Run(
            () =>
            {
                var connection = new SqliteConnection(builder.ToString());
                connection.Open();
                StoreSchema.Prepare(connection, "ephemeral store", wal: false, (time ?? TimeProvider.System).GetUtcNow());
                return new SqliteMeshStore(connection, settings, "ephemeral store", null);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TofuResult> CheckPeerAsync(PeerSighting sighting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        ArgumentException.ThrowIfNullOrEmpty(sighting.NodeId);
        ArgumentNullException.ThrowIfNull(sighting.IdentityKey);
        ArgumentNullException.ThrowIfNull(sighting.SealingKey);
        return RunAsync(t => _peers.Check(t, sighting), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TrustResult> TrustAsync(string nodeId, string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        return RunAsync(t => _peers.Trust(t, nodeId, fingerprint), cancellationToken);
    }

    /// <inheritdoc />
    public Task<KnownPeer?> GetPeerAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        return RunAsync(t => _peers.Get(t, nodeId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<KnownPeer>> GetPeersAsync(CancellationToken cancellationToken = default)
    {
        return RunAsync<IReadOnlyList<KnownPeer>>(t => _peers.All(t), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AddMessageAsync(ChatMessageRecord message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.MessageId);
        ArgumentException.ThrowIfNullOrEmpty(message.Conversation);
        ArgumentException.ThrowIfNullOrEmpty(message.FromId);
        ArgumentNullException.ThrowIfNull(message.Text);
        return RunAsync(t => _history.Add(t, message), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ChatMessageRecord>> GetHistoryAsync(string conversation, int limit, long? beforeSequence = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversation);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return RunAsync<IReadOnlyList<ChatMessageRecord>>(t => _history.Page(t, conversation, limit, beforeSequence), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationSummary>> GetConversationsAsync(CancellationToken cancellationToken = default)
    {
        return RunAsync<IReadOnlyList<ConversationSummary>>(t => _history.Conversations(t), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> MarkDeliveredAsync(string messageId, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return RunAsync(t => _history.MarkDelivered(t, messageId, deliveredAt), cancellationToken);
    }

    /// <inheritdoc />
    public Task<OutboxEnqueueResult> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(item.MessageId);
        ArgumentException.ThrowIfNullOrEmpty(item.Destination);
        ArgumentNullException.ThrowIfNull(item.Envelope);
        if (item.Envelope.Length > _settings.MaxEnvelopeBytes)
        {
            throw new ArgumentException(
                $"Envelope of {item.Envelope.Length} bytes exceeds {nameof(MeshStoreSettings.MaxEnvelopeBytes)} ({_settings.MaxEnvelopeBytes}).",
                nameof(item));
        }

        return RunAsync(t => _outbox.Enqueue(t, item), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> GetDueAsync(string destination, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return RunAsync<IReadOnlyList<OutboxItem>>(t => _outbox.Due(t, destination, now, limit), cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountOutboxAsync(CancellationToken cancellationToken = default)
    {
        return RunAsync(t => (int)t.Count("SELECT count(*) FROM outbox"), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetOutboxDestinationsAsync(CancellationToken cancellationToken = default)
    {
        return RunAsync<IReadOnlyList<string>>(t => _outbox.Destinations(t), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RecordAttemptAsync(string messageId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return RunAsync(t => _outbox.RecordAttempt(t, messageId, nextAttemptAt), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> MarkOutboxDeliveredAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return RunAsync(t => _outbox.Remove(t, messageId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> ExpireOutboxAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        return RunAsync<IReadOnlyList<OutboxItem>>(t => _outbox.Expire(t, now), cancellationToken);
    }

    /// <summary>Closes the database; an ephemeral store's data is gone after this.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static SqliteMeshStore Open(string path, MeshStoreSettings settings, TimeProvider time)
    {
        try
        {
            var directory = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            if (!File.Exists(path))
            {
                // Created here, not by SQLite, so it is owner-only from its first byte; SQLite
                // gives the -wal and -shm files the same permissions.
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (new FileStream(path, options))
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MeshStoreException(MeshStoreErrorReason.Io, $"Cannot create the store '{path}': {e.Message}", e);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            StoreSchema.Prepare(connection, path, wal: true, time.GetUtcNow());
            return new SqliteMeshStore(connection, settings, path, path);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Translate(e, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task<T> RunAsync<T>(Func<SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await Task.Run(
                () =>
                {
                    using var transaction = _connection.BeginTransaction();
                    var result = work(transaction);
                    transaction.Commit();
                    return result;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw Translate(e, _name);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static MeshStoreException Translate(SqliteException e, string name)
    {
        // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): the file is not a healthy database.
        return e.SqliteErrorCode is 11 or 26
            ? new MeshStoreException(MeshStoreErrorReason.Corrupt, $"'{name}' is not a MeshNode store or is damaged: {e.Message}", e)
            : new MeshStoreException(MeshStoreErrorReason.Io, $"Store '{name}' failed: {e.Message}", e);
    }
}
