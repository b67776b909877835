using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Tests.Wire;

namespace MeshNode.Protocol.Tests.Identity;

public class NodeIdentityTests
{
    private static readonly byte[] Rfc8032Test1Seed =
        Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    [Fact]
    public void Pins_id_and_fingerprint_for_a_fixed_seed()
    {
        using var identity = NodeIdentity.FromSecrets(Rfc8032Test1Seed, new byte[32]);
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(identity.PublicKey.Span));
        Assert.Equal("33c70e060c1fba8c9ded252fd5560013", identity.Id.ToString());
        Assert.Equal("47z3 3qx1 ajh6 2rkb z1a0 8vyj 4wdq qvab", identity.Fingerprint);
        Assert.Equal("47z3 3qx1", identity.ShortFingerprint);
        Assert.Equal(identity.Fingerprint, Fingerprint.Of(identity.PublicKey.Span));
    }

    [Fact]
    public void Binds_the_sealing_key_to_the_identity()
    {
        using var identity = NodeIdentity.Generate(new SeededRandomSource(11));
        using var other = NodeIdentity.Generate(new SeededRandomSource(12));
        Assert.True(SealingKeyBinding.Verify(identity.PublicKey.Span, identity.SealingPublicKey.Span, identity.SealingKeySignature.Span));
        Assert.False(SealingKeyBinding.Verify(other.PublicKey.Span, identity.SealingPublicKey.Span, identity.SealingKeySignature.Span));
        Assert.False(SealingKeyBinding.Verify(identity.PublicKey.Span, other.SealingPublicKey.Span, identity.SealingKeySignature.Span));
    }

    [Fact]
    public void Never_shows_secrets_in_its_text_form()
    {
        using var identity = NodeIdentity.FromSecrets(Rfc8032Test1Seed, new byte[32]);
        Assert.DoesNotContain("9d61b1", identity.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(identity.Id.ToString(), identity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Zeroes_its_secrets_on_dispose()
    {
        var identity = NodeIdentity.FromSecrets(Rfc8032Test1Seed, Rfc8032Test1Seed);
        identity.Dispose();
        Assert.Throws<ObjectDisposedException>(() => identity.Seed.Length);
        Assert.Throws<ObjectDisposedException>(() => identity.SealingPrivateKey.Length);
    }

    [Fact]
    public void Two_generated_identities_differ()
    {
        var random = new SeededRandomSource(5);
        using var a = NodeIdentity.Generate(random);
        using var b = NodeIdentity.Generate(random);
        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
    }
}
