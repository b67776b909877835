using Microsoft.Data.Sqlite;

namespace MeshNode.Core.Store;

/// <summary>The store-and-forward queue, bounded per destination.</summary>
internal sealed class OutboxTable(MeshStoreSettings settings)
{
    private const string Columns = "message_id, destination, envelope, created_at, attempts, next_attempt_at, expires_at";

    public OutboxEnqueueResult Enqueue(SqliteTransaction transaction, OutboxItem item)
    {
        if (transaction.Count("SELECT count(*) FROM outbox WHERE message_id = $id", ("$id", item.MessageId)) > 0)
        {
            return OutboxEnqueueResult.Duplicate;
        }

        if (transaction.Count("SELECT count(*) FROM outbox WHERE destination = $d", ("$d", item.Destination)) >= settings.MaxOutboxPerDestination)
        {
            return OutboxEnqueueResult.Full;
        }

        transaction.Execute(
            $"INSERT INTO outbox({Columns}) VALUES ($id, $d, $env, $created, $attempts, $next, $expires)",
            ("$id", item.MessageId),
            ("$d", item.Destination),
            ("$env", item.Envelope),
            ("$created", item.CreatedAt.Millis()),
            ("$attempts", item.Attempts),
            ("$next", item.NextAttemptAt.Millis()),
            ("$expires", item.ExpiresAt.Millis()));
        return OutboxEnqueueResult.Added;
    }

    public List<OutboxItem> Due(SqliteTransaction transaction, string destination, DateTimeOffset now, int limit)
    {
        return Query(
            transaction,
            $"SELECT {Columns} FROM outbox WHERE destination = $d AND next_attempt_at <= $now AND expires_at > $now ORDER BY created_at, rowid LIMIT $limit",
            ("$d", destination),
            ("$now", now.Millis()),
            ("$limit", Math.Min(limit, settings.MaxPageSize)));
    }

    public List<string> Destinations(SqliteTransaction transaction)
    {
        using var command = transaction.Sql("SELECT DISTINCT destination FROM outbox ORDER BY destination");
        using var reader = command.ExecuteReader();
        var destinations = new List<string>();
        while (reader.Read())
        {
            destinations.Add(reader.GetString(0));
        }

        return destinations;
    }

    public bool RecordAttempt(SqliteTransaction transaction, string messageId, DateTimeOffset nextAttemptAt)
    {
        return transaction.Execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $next WHERE message_id = $id",
            ("$id", messageId),
            ("$next", nextAttemptAt.Millis())) > 0;
    }

    public bool Remove(SqliteTransaction transaction, string messageId)
    {
        return transaction.Execute("DELETE FROM outbox WHERE message_id = $id", ("$id", messageId)) > 0;
    }

    public List<OutboxItem> Expire(SqliteTransaction transaction, DateTimeOffset now)
    {
        var expired = Query(
            transaction,
            $"SELECT {Columns} FROM outbox WHERE expires_at <= $now ORDER BY created_at, rowid",
            ("$now", now.Millis()));
        transaction.Execute("DELETE FROM outbox WHERE expires_at <= $now", ("$now", now.Millis()));
        return expired;
    }

    private static List<OutboxItem> Query(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Sql(sql, parameters);
        using var reader = command.ExecuteReader();
        var items = new List<OutboxItem>();
        while (reader.Read())
        {
            items.Add(new OutboxItem(
                reader.GetString(0),
                reader.GetString(1),
                (byte[])reader.GetValue(2),
                reader.Time(3),
                reader.GetInt32(4),
                reader.Time(5),
                reader.Time(6)));
        }

        return items;
    }
}
