using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MeshNode.Core.Store;

/// <summary>
/// The versioned schema. Each migration runs once, in order, recorded in <c>schema_migrations</c>;
/// a new version appends a migration and never edits an old one. The SQLite header's
/// application_id marks the file as ours, so a foreign database is refused, not altered.
/// </summary>
internal static class StoreSchema
{
    /// <summary>"MNOD" in ASCII.</summary>
    public const int ApplicationId = 0x4D4E4F44;

    private static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "peers, messages, outbox", """
            CREATE TABLE peers(
                node_id TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                identity_key BLOB NOT NULL,
                sealing_key BLOB NOT NULL,
                first_seen INTEGER NOT NULL,
                last_seen INTEGER NOT NULL,
                last_endpoints TEXT NOT NULL,
                trust_state INTEGER NOT NULL,
                pending_identity_key BLOB,
                pending_sealing_key BLOB,
                pending_since INTEGER);
            CREATE TABLE messages(
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL UNIQUE,
                conversation TEXT NOT NULL,
                from_id TEXT NOT NULL,
                text TEXT NOT NULL,
                sent_at INTEGER NOT NULL,
                received_at INTEGER NOT NULL,
                security INTEGER NOT NULL,
                hops INTEGER NOT NULL,
                flags INTEGER NOT NULL,
                delivered_at INTEGER);
            CREATE INDEX messages_by_conversation ON messages(conversation, seq);
            CREATE TABLE outbox(
                message_id TEXT PRIMARY KEY,
                destination TEXT NOT NULL,
                envelope BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL);
            CREATE INDEX outbox_by_destination ON outbox(destination, next_attempt_at);
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Checks the file is ours and intact, turns on WAL for files, and migrates.</summary>
    public static void Prepare(SqliteConnection connection, string name, bool wal, DateTimeOffset now)
    {
        var applicationId = Scalar(connection, "PRAGMA application_id");
        if (applicationId != ApplicationId && (applicationId != 0 || Scalar(connection, "SELECT count(*) FROM sqlite_master") > 0))
        {
            throw new MeshStoreException(
                MeshStoreErrorReason.Foreign,
                $"'{name}' is a SQLite database of another program (application id {applicationId}); MeshNode will not change it. Move it away or choose another profile.");
        }

        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA quick_check(1)";
            var verdict = check.ExecuteScalar() as string;
            if (verdict != "ok")
            {
                throw new MeshStoreException(MeshStoreErrorReason.Corrupt, $"'{name}' is damaged ({verdict}).");
            }
        }

        if (wal)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL";
            var mode = command.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new MeshStoreException(MeshStoreErrorReason.Io, $"'{name}' cannot use write-ahead logging (journal mode is {mode}).");
            }

            Execute(connection, "PRAGMA synchronous=NORMAL");
        }

        Migrate(connection, name, now);
    }

    private static void Migrate(SqliteConnection connection, string name, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction();
        transaction.Execute("CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        transaction.Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id={ApplicationId}"));
        var current = transaction.Count("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        if (current > LatestVersion)
        {
            throw new MeshStoreException(
                MeshStoreErrorReason.TooNew,
                $"'{name}' has schema version {current}; this MeshNode knows up to {LatestVersion}. Use a newer MeshNode.");
        }

        foreach (var (version, title, sql) in Migrations.Where(m => m.Version > current))
        {
            transaction.Execute(sql);
            transaction.Execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES ($v, $n, $t)",
                ("$v", version),
                ("$n", title),
                ("$t", now.Millis()));
        }

        transaction.Commit();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
