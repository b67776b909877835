using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Tests.Wire;

namespace MeshNode.Protocol.Tests.Fernet;

public class NetworkKeyResolverTests
{
    [Fact]
    public void Adopts_the_salt_whose_tag_matches_the_passphrase()
    {
        using var founder = NetworkKey.Derive("our pass", NetworkKey.NewSalt(new SeededRandomSource(1)), NetworkKey.MinIterations);
        using var resolver = new NetworkKeyResolver("our pass", maxTrials: 4, iterations: NetworkKey.MinIterations);
        using var joined = resolver.TryResolve(founder.Salt.Span, founder.Tag.Span);
        Assert.NotNull(joined);
        Assert.True(joined.MatchesTag(founder.Tag.Span));
        Assert.Equal(founder.Salt.ToArray(), joined.Salt.ToArray());
    }

    [Fact]
    public void Refuses_another_networks_salt_and_never_tries_a_salt_twice()
    {
        using var other = NetworkKey.Derive("their pass", new byte[16], NetworkKey.MinIterations);
        using var resolver = new NetworkKeyResolver("our pass", maxTrials: 4, iterations: NetworkKey.MinIterations);
        Assert.Null(resolver.TryResolve(other.Salt.Span, other.Tag.Span));
        Assert.Equal(3, resolver.TrialsLeft);
        Assert.Null(resolver.TryResolve(other.Salt.Span, other.Tag.Span));
        Assert.Equal(3, resolver.TrialsLeft);
    }

    [Fact]
    public void Stops_deriving_after_the_trial_limit()
    {
        using var resolver = new NetworkKeyResolver("our pass", maxTrials: 2, iterations: NetworkKey.MinIterations);
        var random = new SeededRandomSource(5);
        Assert.Null(resolver.TryResolve(NetworkKey.NewSalt(random), new byte[8]));
        Assert.Null(resolver.TryResolve(NetworkKey.NewSalt(random), new byte[8]));
        Assert.Equal(0, resolver.TrialsLeft);

        // Even the right salt is no longer tried: a flood of forged announces used the budget up.
        using var real = resolver.CreateNetwork(random);
        Assert.Null(resolver.TryResolve(real.Salt.Span, real.Tag.Span));
    }

    [Fact]
    public void Ignores_salts_and_tags_of_the_wrong_length_without_spending_a_trial()
    {
        using var resolver = new NetworkKeyResolver("our pass", maxTrials: 1, iterations: NetworkKey.MinIterations);
        Assert.Null(resolver.TryResolve(new byte[15], new byte[8]));
        Assert.Null(resolver.TryResolve(new byte[16], new byte[7]));
        Assert.Equal(1, resolver.TrialsLeft);
    }
}
