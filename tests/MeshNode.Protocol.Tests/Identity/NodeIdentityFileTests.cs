using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Tests.Wire;

namespace MeshNode.Protocol.Tests.Identity;

public sealed class NodeIdentityFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "meshnode-id-" + Guid.NewGuid().ToString("N"));

    private string IdentityPath => Path.Combine(_dir, "profile", "identity.key");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Creates_at_first_start_and_loads_the_same_identity_afterwards()
    {
        NodeId created;
        using (var identity = NodeIdentityFile.LoadOrCreate(IdentityPath, new SeededRandomSource(1)))
        {
            created = identity.Id;
        }

        using var loaded = NodeIdentityFile.LoadOrCreate(IdentityPath, new SeededRandomSource(2));
        Assert.Equal(created, loaded.Id);
        Assert.Equal(NodeIdentityFile.FileSize, new FileInfo(IdentityPath).Length);
    }

    [Fact]
    public void Round_trips_both_keys()
    {
        using var identity = NodeIdentity.Generate(new SeededRandomSource(3));
        NodeIdentityFile.Save(identity, IdentityPath);
        using var loaded = NodeIdentityFile.Load(IdentityPath);
        Assert.Equal(identity.PublicKey.ToArray(), loaded.PublicKey.ToArray());
        Assert.Equal(identity.SealingPublicKey.ToArray(), loaded.SealingPublicKey.ToArray());
    }

    [Fact]
    public void Creates_the_file_owner_only_and_its_folder_0700()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only; the project runs on Linux.
        }

        using var identity = NodeIdentityFile.LoadOrCreate(IdentityPath, new SeededRandomSource(1));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(IdentityPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(IdentityPath)!));
    }

    [Fact]
    public void Refuses_a_group_readable_file_and_says_how_to_fix_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only; the project runs on Linux.
        }

        using (NodeIdentityFile.LoadOrCreate(IdentityPath, new SeededRandomSource(1)))
        {
        }

        File.SetUnixFileMode(IdentityPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var ex = Assert.Throws<IdentityFileException>(() => NodeIdentityFile.Load(IdentityPath));
        Assert.Contains("chmod 600", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_world_readable_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only; the project runs on Linux.
        }

        using (NodeIdentityFile.LoadOrCreate(IdentityPath, new SeededRandomSource(1)))
        {
        }

        File.SetUnixFileMode(IdentityPath, UnixFileMode.UserRead | UnixFileMode.OtherRead);
        Assert.Throws<IdentityFileException>(() => NodeIdentityFile.LoadOrCreate(IdentityPath, new SeededRandomSource(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(68)]
    [InlineData(70)]
    public void Refuses_a_file_of_the_wrong_length(int length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(IdentityPath)!);
        WriteOwnerOnly(new byte[length]);
        var ex = Assert.Throws<IdentityFileException>(() => NodeIdentityFile.Load(IdentityPath));
        Assert.Contains("wrong size", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_file_with_the_wrong_magic()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(IdentityPath)!);
        WriteOwnerOnly(new byte[NodeIdentityFile.FileSize]);
        Assert.Throws<IdentityFileException>(() => NodeIdentityFile.Load(IdentityPath));
    }

    [Fact]
    public void Never_puts_the_secret_in_an_error_message()
    {
        using var identity = NodeIdentity.Generate(new SeededRandomSource(9));
        NodeIdentityFile.Save(identity, IdentityPath);
        var bytes = File.ReadAllBytes(IdentityPath);
        WriteOwnerOnly([.. bytes, 0]);
        var ex = Assert.Throws<IdentityFileException>(() => NodeIdentityFile.Load(IdentityPath));
        Assert.DoesNotContain(Convert.ToHexString(bytes.AsSpan(5, 8)), ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(bytes.AsSpan(5, 32)), ex.Message, StringComparison.Ordinal);
    }

    private void WriteOwnerOnly(byte[] content)
    {
        File.WriteAllBytes(IdentityPath, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(IdentityPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
