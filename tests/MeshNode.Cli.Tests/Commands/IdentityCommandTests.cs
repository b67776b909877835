namespace MeshNode.Cli.Tests.Commands;

public sealed class IdentityCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "meshnode-cli-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Creates_an_owner_only_identity_and_prints_the_same_one_again()
    {
        var profile = Path.Combine(_dir, "p");

        var first = await CliRunner.RunAsync(["identity", "--profile", profile]);
        var second = await CliRunner.RunAsync(["identity", "--profile", profile]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("node id:", first.Out, StringComparison.Ordinal);
        Assert.Contains("fingerprint:", first.Out, StringComparison.Ordinal);
        Assert.Equal(first.Out, second.Out);
        var file = Path.Combine(profile, "identity.key");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Refuses_a_damaged_identity_file_with_one_line()
    {
        var profile = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(profile);
        var file = Path.Combine(profile, "identity.key");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var result = await CliRunner.RunAsync(["identity", "--profile", profile]);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("meshnode: ", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
