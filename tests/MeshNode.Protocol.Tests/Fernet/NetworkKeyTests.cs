using System.Text;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Tests.Wire;

namespace MeshNode.Protocol.Tests.Fernet;

public class NetworkKeyTests
{
    private static readonly byte[] Salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();

    [Fact]
    public void Derives_the_pbkdf2_hmac_sha256_key()
    {
        using var key = NetworkKey.Derive("correct horse", Salt, NetworkKey.MinIterations);
        var expected = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes("correct horse"), Salt, NetworkKey.MinIterations, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var reference = new FernetCodec(expected, time, new SeededRandomSource(1));
        using var codec = key.CreateCodec(time, new SeededRandomSource(1));
        Assert.Equal("hi"u8.ToArray(), reference.DecryptBytes(codec.EncryptToBytes("hi"u8), null));
    }

    [Fact]
    public void Same_passphrase_and_salt_give_the_same_tag_and_others_differ()
    {
        using var a = NetworkKey.Derive("correct horse", Salt, NetworkKey.MinIterations);
        using var b = NetworkKey.Derive("correct horse", Salt, NetworkKey.MinIterations);
        using var otherPass = NetworkKey.Derive("battery staple", Salt, NetworkKey.MinIterations);
        var otherSalt = (byte[])Salt.Clone();
        otherSalt[0] ^= 1;
        using var saltChanged = NetworkKey.Derive("correct horse", otherSalt, NetworkKey.MinIterations);

        Assert.Equal(NetworkKey.TagSize, a.Tag.Length);
        Assert.True(a.MatchesTag(b.Tag.Span));
        Assert.False(a.MatchesTag(otherPass.Tag.Span));
        Assert.False(a.MatchesTag(saltChanged.Tag.Span));
        Assert.False(a.MatchesTag(a.Tag.Span[..4]));
    }

    [Fact]
    public void Proof_verifies_only_for_the_same_key_and_context()
    {
        using var a = NetworkKey.Derive("correct horse", Salt, NetworkKey.MinIterations);
        using var other = NetworkKey.Derive("wrong", Salt, NetworkKey.MinIterations);
        var proof = a.ComputeProof("handshake-hash"u8);
        Assert.True(a.VerifyProof("handshake-hash"u8, proof));
        Assert.False(a.VerifyProof("other-hash"u8, proof));
        Assert.False(other.VerifyProof("handshake-hash"u8, proof));
    }

    [Fact]
    public void New_salts_are_random_and_sixteen_bytes()
    {
        var random = new SeededRandomSource(3);
        var a = NetworkKey.NewSalt(random);
        var b = NetworkKey.NewSalt(random);
        Assert.Equal(16, a.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Refuses_a_fixed_short_salt_too_few_iterations_and_an_empty_passphrase()
    {
        Assert.Throws<ArgumentException>(() => NetworkKey.Derive("p", new byte[8]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkKey.Derive("p", Salt, 1000));
        Assert.Throws<ArgumentException>(() => NetworkKey.Derive("", Salt));
    }

    [Fact]
    public void Reproduces_the_documented_example_at_the_default_iterations()
    {
        // docs/protocol.md section 5, computed there with Python hashlib and hmac.
        using var key = NetworkKey.Derive("correct horse battery staple", Salt);
        Assert.Equal("400f7fb4a0473962", Convert.ToHexStringLower(key.Tag.Span));
        byte[] context = [.. new byte[32], (byte)'R'];
        Assert.Equal("5a58c4d903ef8d7debe9f5e69d86b4734a25fbc36ef2b333c718298078470de2", Convert.ToHexStringLower(key.ComputeProof(context)));
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var reference = new FernetCodec(Convert.FromHexString("ef177144eec9420cbc1093d2a8b344a92bc506d0d4ec9c028dd19f8324d8c1e6"), time, new SeededRandomSource(1));
        using var codec = key.CreateCodec(time, new SeededRandomSource(1));
        Assert.Equal("x"u8.ToArray(), reference.DecryptBytes(codec.EncryptToBytes("x"u8), null));
    }
}
