using MeshNode.Cli.Runtime;

namespace MeshNode.Cli.Tests.Runtime;

public sealed class PassphraseSourceTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("meshnode-cli-pass-").FullName;

    [Fact]
    public void Reads_the_first_line_of_the_file_without_its_line_break()
    {
        var file = Write("correct horse\r\nsecond line\n");

        Assert.Equal("correct horse", new string(PassphraseSource.Read(file, null, NoEnvironment)));
    }

    [Fact]
    public void The_flag_file_wins_over_the_environment_variable_which_wins_over_the_setting()
    {
        var flag = Write("from flag");
        var setting = Write("from setting");
        var env = new Dictionary<string, string> { [PassphraseSource.EnvironmentVariable] = "from env" };

        Assert.Equal("from flag", new string(PassphraseSource.Read(flag, setting, env)));
        Assert.Equal("from env", new string(PassphraseSource.Read(null, setting, env)));
        Assert.Equal("from setting", new string(PassphraseSource.Read(null, setting, NoEnvironment)));
        Assert.Null(PassphraseSource.Read(null, null, NoEnvironment));
    }

    [Fact]
    public void Refuses_an_empty_file_a_missing_file_and_a_huge_file()
    {
        var empty = Write("\n");
        var huge = Write(new string('a', PassphraseSource.MaxFileBytes + 1));

        Assert.Contains("is empty", Assert.Throws<CliUserException>(() => PassphraseSource.Read(empty, null, NoEnvironment)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<CliUserException>(() => PassphraseSource.Read(Path.Combine(_dir, "none"), null, NoEnvironment)).Message, StringComparison.Ordinal);
        Assert.Contains("larger than", Assert.Throws<CliUserException>(() => PassphraseSource.Read(huge, null, NoEnvironment)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }
}
