using MeshNode.Core.Store;

namespace MeshNode.Core.Tests.Store;

/// <summary>Trust on first use of names: a new node id under a known peer's name is a key change for that name.</summary>
public sealed class PeerNameTofuTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IMeshStore _store = null!;

    public async Task InitializeAsync() => _store = await SqliteMeshStore.OpenEphemeralAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_new_id_under_a_known_name_is_stored_flagged_and_reported_as_a_key_change()
    {
        await _store.CheckPeerAsync(Sighting("id-old", 1, "Bob"));

        var result = await _store.CheckPeerAsync(Sighting("id-new", 7, "bob"));

        Assert.Equal(TofuOutcome.KeyChanged, result.Outcome);
        Assert.Equal(Fingerprint(1), result.OldFingerprint);
        Assert.Equal(Fingerprint(7), result.NewFingerprint);
        Assert.Equal(PeerTrustState.KeyChanged, (await _store.GetPeerAsync("id-new"))!.TrustState);
        Assert.Equal(PeerTrustState.Pinned, (await _store.GetPeerAsync("id-old"))!.TrustState);
    }

    [Fact]
    public async Task The_namesake_stays_flagged_when_seen_again_until_its_fingerprint_is_trusted()
    {
        await _store.CheckPeerAsync(Sighting("id-old", 1, "bob"));
        await _store.CheckPeerAsync(Sighting("id-new", 7, "bob"));

        Assert.Equal(TofuOutcome.KeyChanged, (await _store.CheckPeerAsync(Sighting("id-new", 7, "bob"))).Outcome);
        Assert.Equal(TrustResult.FingerprintMismatch, await _store.TrustAsync("id-new", Fingerprint(1)));
        Assert.Equal(TofuOutcome.KeyChanged, (await _store.CheckPeerAsync(Sighting("id-new", 7, "bob"))).Outcome);

        Assert.Equal(TrustResult.Trusted, await _store.TrustAsync("id-new", Fingerprint(7)));
        Assert.Equal(TofuOutcome.Match, (await _store.CheckPeerAsync(Sighting("id-new", 7, "bob"))).Outcome);
        Assert.Equal(PeerTrustState.Verified, (await _store.GetPeerAsync("id-new"))!.TrustState);
    }

    [Fact]
    public async Task Names_are_not_pinned_unless_the_sighting_asks_and_other_names_are_new_peers()
    {
        await _store.CheckPeerAsync(Sighting("id-old", 1, "bob"));

        Assert.Equal(TofuOutcome.New, (await _store.CheckPeerAsync(Sighting("id-other", 3, "bob") with { PinName = false })).Outcome);
        Assert.Equal(TofuOutcome.New, (await _store.CheckPeerAsync(Sighting("id-carol", 4, "carol"))).Outcome);
    }

    [Fact]
    public void Fingerprints_are_the_ones_people_read_aloud()
    {
        var key = Key(5);
        Assert.Equal(Protocol.Identity.Fingerprint.Of(key), MeshStoreSettings.Default.Fingerprint(key));
    }

    private static byte[] Key(int seed)
    {
        var key = new byte[32];
        new Random(seed).NextBytes(key);
        return key;
    }

    private static string Fingerprint(int seed) => MeshStoreSettings.Default.Fingerprint(Key(seed));

    private static PeerSighting Sighting(string id, int key, string name) =>
        new(id, name, Key(key), Key(key + 100), T0, ["10.0.0.1:4000"], PinName: true);
}
