using MeshNode.Cli.Runtime;
using MeshNode.Config;
using MeshNode.Protocol.Fernet;

namespace MeshNode.Cli.Tests.Runtime;

public sealed class NetworkKeysTests : IDisposable
{
    private static readonly MeshSettings Open = MeshSettings.Defaults with
    {
        Security = MeshSettings.Defaults.Security with { Pbkdf2Iterations = NetworkKey.MinIterations },
    };

    private static readonly MeshSettings Passphrase = Open with { Security = Open.Security with { Mode = SecurityMode.Passphrase } };

    private readonly string _dir = Directory.CreateTempSubdirectory("meshnode-cli-net-").FullName;

    [Fact]
    public void An_open_network_without_a_passphrase_has_no_key()
    {
        Assert.Null(NetworkKeys.Create(null, Open, null, _dir, TextWriter.Null));
    }

    [Fact]
    public void Passphrase_mode_without_a_passphrase_is_an_error_naming_the_setting()
    {
        var ex = Assert.Throws<CliUserException>(() => NetworkKeys.Create(null, Passphrase, null, _dir, TextWriter.Null));

        Assert.Contains("mesh.security.mode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Creates_a_network_saves_its_salt_and_derives_the_same_key_next_time()
    {
        var notices = new StringWriter();
        var passphrase = "correct horse".ToCharArray();

        using var first = NetworkKeys.Create(passphrase, Open, null, _dir, notices)!;
        using var second = NetworkKeys.Create("correct horse".ToCharArray(), Open, null, _dir, TextWriter.Null)!;

        Assert.Equal(first.Tag.ToArray(), second.Tag.ToArray());
        Assert.Equal(first.Salt.ToArray(), File.ReadAllBytes(Path.Combine(_dir, NetworkKeys.SaltFileName)));
        Assert.Contains("--network-salt", notices.ToString(), StringComparison.Ordinal);
        Assert.All(passphrase, c => Assert.Equal('\0', c));
    }

    [Fact]
    public void Joins_with_the_salt_from_the_mesh_network_salt_setting_without_creating_one()
    {
        var salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var configured = Open with { Network = Open.Network with { Salt = salt } };
        using var notices = new StringWriter();

        using var key = NetworkKeys.Create("pw".ToCharArray(), configured, null, _dir, notices)!;

        Assert.Equal(salt, key.Salt.ToArray());
        Assert.Empty(notices.ToString());
        Assert.False(File.Exists(Path.Combine(_dir, NetworkKeys.SaltFileName)));
    }

    [Fact]
    public void Joins_with_the_salt_given_as_base64url()
    {
        using var key = NetworkKeys.Create("pw".ToCharArray(), Open, "AAECAwQFBgcICQoLDA0ODw", null, TextWriter.Null)!;

        Assert.Equal(Enumerable.Range(0, 16).Select(i => (byte)i).ToArray(), key.Salt.ToArray());
    }

    [Theory]
    [InlineData("AAEC")]
    [InlineData("not base64 at all!")]
    public void Refuses_a_bad_salt(string salt)
    {
        var ex = Assert.Throws<CliUserException>(() => NetworkKeys.Create("pw".ToCharArray(), Open, salt, null, TextWriter.Null));

        Assert.Contains("--network-salt", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
