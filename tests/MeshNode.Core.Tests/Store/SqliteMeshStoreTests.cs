using MeshNode.Core.Store;
using Microsoft.Data.Sqlite;

namespace MeshNode.Core.Tests.Store;

/// <summary>The store contract on a database file, plus what only a file has.</summary>
public sealed class SqliteMeshStoreTests : MeshStoreContractTests
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "meshnode-store-tests", Guid.NewGuid().ToString("N"), "profile");

    private string DatabaseFile => Path.Combine(_profile, "meshnode.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_profile)!, recursive: true);
    }

    protected override async Task<IMeshStore> OpenAsync(MeshStoreSettings settings)
    {
        return await SqliteMeshStore.OpenAsync(_profile, settings);
    }

    /// <summary>Adds a trigger from a second connection, as a damaged or hostile file might behave.</summary>
    private void Sabotage(string sql)
    {
        using var raw = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Keeps_everything_across_a_reopen()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));
        await Store.AddMessageAsync(Message("m1", "peer-b"));
        await Store.EnqueueAsync(Item("o1", "dest"));
        await Store.DisposeAsync();

        await using var reopened = await SqliteMeshStore.OpenAsync(_profile, SmallBounds);

        Assert.Equal(Key(1), (await reopened.GetPeerAsync("n1"))!.IdentityKey);
        Assert.Single(await reopened.GetHistoryAsync("peer-b", 10));
        Assert.Single(await reopened.GetDueAsync("dest", T0, 10));
    }

    [Fact]
    public void Creates_the_file_and_folder_for_the_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DatabaseFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_profile));
    }

    [Fact]
    public async Task Uses_write_ahead_logging_and_records_the_schema_version()
    {
        await Store.AddMessageAsync(Message("m1", "peer-b"));

        using var look = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly;Pooling=False");
        look.Open();
        using var command = look.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT MAX(version) FROM schema_migrations";
        Assert.Equal(1L, command.ExecuteScalar());
        Assert.False(Store.IsEphemeral);
    }

    [Fact]
    public async Task A_failure_inside_one_table_rolls_back_and_leaves_the_others_usable()
    {
        await Store.CheckPeerAsync(Sighting("n1", 1, 2));
        await Store.AddMessageAsync(Message("m1", "peer-b"));
        Sabotage("CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'sabotaged'); END");

        var error = await Assert.ThrowsAsync<MeshStoreException>(() => Store.EnqueueAsync(Item("o1", "dest")));

        Assert.Equal(MeshStoreErrorReason.Io, error.Reason);
        Assert.Contains(DatabaseFile, error.Message, StringComparison.Ordinal);
        Assert.NotNull(await Store.GetPeerAsync("n1"));
        Assert.True(await Store.AddMessageAsync(Message("m2", "peer-b")));
        Assert.Equal(2, (await Store.GetHistoryAsync("peer-b", 10)).Count);
    }

    [Fact]
    public async Task A_message_whose_trimming_fails_is_not_half_stored()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Store.AddMessageAsync(Message($"m{i}", "peer-b"));
        }

        Sabotage("CREATE TRIGGER boom BEFORE DELETE ON messages BEGIN SELECT RAISE(ABORT, 'sabotaged'); END");

        await Assert.ThrowsAsync<MeshStoreException>(() => Store.AddMessageAsync(Message("m6", "peer-b")));

        Assert.Equal(["m5", "m4", "m3", "m2", "m1"], (await Store.GetHistoryAsync("peer-b", 10)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task A_garbage_file_is_refused_as_corrupt_naming_the_file()
    {
        await Store.DisposeAsync();
        var garbage = new byte[8192];
        new Random(11).NextBytes(garbage);
        await File.WriteAllBytesAsync(DatabaseFile, garbage);
        File.Delete(DatabaseFile + "-wal");
        File.Delete(DatabaseFile + "-shm");

        var error = await Assert.ThrowsAsync<MeshStoreException>(() => SqliteMeshStore.OpenAsync(_profile));

        Assert.Equal(MeshStoreErrorReason.Corrupt, error.Reason);
        Assert.Contains(DatabaseFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_programs_database_is_refused_as_foreign_and_left_alone()
    {
        var foreignProfile = Path.Combine(Path.GetDirectoryName(_profile)!, "foreign");
        Directory.CreateDirectory(foreignProfile);
        var file = Path.Combine(foreignProfile, "meshnode.db");
        using (var other = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE recipes(name TEXT)";
            command.ExecuteNonQuery();
        }

        var before = await File.ReadAllBytesAsync(file);

        var error = await Assert.ThrowsAsync<MeshStoreException>(() => SqliteMeshStore.OpenAsync(foreignProfile));

        Assert.Equal(MeshStoreErrorReason.Foreign, error.Reason);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task A_store_from_a_newer_schema_is_refused_as_too_new()
    {
        await Store.DisposeAsync();
        using (var raw = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations(version, name, applied_at) VALUES (99, 'future', 0)";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<MeshStoreException>(() => SqliteMeshStore.OpenAsync(_profile));

        Assert.Equal(MeshStoreErrorReason.TooNew, error.Reason);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_path_that_is_a_file_gives_an_io_error_naming_it()
    {
        var blocker = Path.Combine(Path.GetDirectoryName(_profile)!, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");

        var error = await Assert.ThrowsAsync<MeshStoreException>(() => SqliteMeshStore.OpenAsync(blocker));

        Assert.Equal(MeshStoreErrorReason.Io, error.Reason);
        Assert.Contains(blocker, error.Message, StringComparison.Ordinal);
    }
}
