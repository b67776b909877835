using Microsoft.Data.Sqlite;

namespace MeshNode.Core.Store;

/// <summary>Small helpers so each table reads as its SQL.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Sql(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Sql(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static long Count(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = transaction.Sql(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static long Millis(this DateTimeOffset time)
    {
        return time.ToUnixTimeMilliseconds();
    }

    public static DateTimeOffset Time(this SqliteDataReader reader, int ordinal)
    {
        return DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
    }

    public static DateTimeOffset? OptionalTime(this SqliteDataReader reader, int ordinal)
    {
        return reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
    }

    public static byte[]? OptionalBytes(this SqliteDataReader reader, int ordinal)
    {
        return reader.IsDBNull(ordinal) ? null : (byte[])reader.GetValue(ordinal);
    }
}
