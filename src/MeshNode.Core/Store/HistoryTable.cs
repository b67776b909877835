using Microsoft.Data.Sqlite;

namespace MeshNode.Core.Store;

/// <summary>Chat history, bounded per conversation.</summary>
internal sealed class HistoryTable(MeshStoreSettings settings)
{
    private const string Columns =
        "seq, message_id, conversation, from_id, text, sent_at, received_at, security, hops, flags, delivered_at";

    public bool Add(SqliteTransaction transaction, ChatMessageRecord message)
    {
        var added = transaction.Execute(
            """
            INSERT INTO messages(message_id, conversation, from_id, text, sent_at, received_at, security, hops, flags, delivered_at)
            VALUES ($id, $conv, $from, $text, $sent, $received, $security, $hops, $flags, $delivered)
            ON CONFLICT(message_id) DO NOTHING
            """,
            ("$id", message.MessageId),
            ("$conv", message.Conversation),
            ("$from", message.FromId),
            ("$text", message.Text),
            ("$sent", message.SentAt.Millis()),
            ("$received", message.ReceivedAt.Millis()),
            ("$security", (int)message.Security),
            ("$hops", message.Hops),
            ("$flags", (int)message.Flags),
            ("$delivered", message.DeliveredAt?.Millis()));
        if (added == 0)
        {
            return false;
        }

        transaction.Execute(
            """
            DELETE FROM messages WHERE conversation = $conv AND seq <= (
                SELECT seq FROM messages WHERE conversation = $conv ORDER BY seq DESC LIMIT 1 OFFSET $max)
            """,
            ("$conv", message.Conversation),
            ("$max", settings.MaxHistoryPerConversation));
        return true;
    }

    public List<ChatMessageRecord> Page(SqliteTransaction transaction, string conversation, int limit, long? beforeSequence)
    {
        using var command = transaction.Sql(
            $"SELECT {Columns} FROM messages WHERE conversation = $conv AND ($before IS NULL OR seq < $before) ORDER BY seq DESC LIMIT $limit",
            ("$conv", conversation),
            ("$before", beforeSequence),
            ("$limit", Math.Min(limit, settings.MaxPageSize)));
        using var reader = command.ExecuteReader();
        var page = new List<ChatMessageRecord>();
        while (reader.Read())
        {
            page.Add(new ChatMessageRecord(
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.Time(5),
                reader.Time(6),
                (MessageSecurity)reader.GetInt32(7),
                reader.GetInt32(8),
                (ChatMessageFlags)reader.GetInt32(9),
                reader.OptionalTime(10))
            {
                Sequence = reader.GetInt64(0),
            });
        }

        return page;
    }

    public List<ConversationSummary> Conversations(SqliteTransaction transaction)
    {
        using var command = transaction.Sql(
            "SELECT conversation, count(*), MAX(received_at), MAX(seq) AS newest FROM messages GROUP BY conversation ORDER BY newest DESC");
        using var reader = command.ExecuteReader();
        var conversations = new List<ConversationSummary>();
        while (reader.Read())
        {
            conversations.Add(new ConversationSummary(reader.GetString(0), reader.GetInt64(1), reader.Time(2)));
        }

        return conversations;
    }

    public bool MarkDelivered(SqliteTransaction transaction, string messageId, DateTimeOffset deliveredAt)
    {
        return transaction.Execute(
            "UPDATE messages SET delivered_at = $at WHERE message_id = $id",
            ("$id", messageId),
            ("$at", deliveredAt.Millis())) > 0;
    }
}
