using MeshNode.Core.Node;
using MeshNode.Tui.Model;
using static MeshNode.Tui.Tests.Model.Fixtures;

namespace MeshNode.Tui.Tests.Model;

public sealed class PeerListTests
{
    [Fact]
    public void Peers_sort_linked_first_then_by_hops_then_by_name()
    {
        var list = new PeerList();

        list.Replace(
        [
            Peer(4, null, false) with { Name = "zed" },
            Peer(3, 2, false) with { Name = "bea" },
            Peer(2, 2, false) with { Name = "amy" },
            Peer(1, 1, true) with { Name = "yan" },
        ]);

        Assert.Equal(["yan", "amy", "bea", "zed"], list.Peers.Select(p => p.Name));
    }

    [Fact]
    public void A_peer_with_a_changed_key_sorts_first()
    {
        var list = new PeerList();

        list.Replace([Peer(1, 1, true), Peer(2, 3, false, trust: "key-changed")]);

        Assert.Equal([Id(2), Id(1)], list.Peers.Select(p => p.NodeId));
    }

    [Theory]
    [InlineData("pinned", nameof(PeerTrust.Pinned))]
    [InlineData("verified", nameof(PeerTrust.Verified))]
    [InlineData("key-changed", nameof(PeerTrust.ChangedKey))]
    [InlineData("KEY-CHANGED ", nameof(PeerTrust.ChangedKey))]
    [InlineData("", nameof(PeerTrust.Unknown))]
    [InlineData("[red]?", nameof(PeerTrust.Unknown))]
    public void Trust_strings_map_to_trust_states(string trust, string expected)
    {
        Assert.Equal(expected, PeerEntry.ParseTrust(trust).ToString());
    }

    [Fact]
    public void Selection_stays_in_range_and_is_empty_without_peers()
    {
        var list = new PeerList();
        Assert.Equal(-1, list.SelectedIndex);
        Assert.False(list.MoveSelection(1));

        list.Replace([Peer(1, 1, true), Peer(2, 1, true)]);
        list.MoveSelection(10);
        Assert.Equal(1, list.SelectedIndex);

        list.Replace([Peer(1, 1, true)]);
        Assert.Equal(0, list.SelectedIndex);
    }

    [Fact]
    public void A_peer_view_with_hostile_fields_is_cleaned()
    {
        var entry = PeerEntry.From(new PeerView(Id(1), "\u001b[1mbob\u0007", "AB\u202eCD", 1, null, true, true, "pinned", null));

        Assert.Equal(("bob", "ABCD"), (entry.Name, entry.ShortFingerprint));
    }
}
