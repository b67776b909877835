using Google.Protobuf;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Tests.Wire;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Tests.Envelopes;

public sealed class AnnounceCodecTests : IDisposable
{
    private static readonly PeerEndpoint[] Endpoints = [new("192.168.1.20", 7400)];
    private readonly NodeIdentity _node = NodeIdentity.Generate(new SeededRandomSource(21));
    private readonly NodeIdentity _other = NodeIdentity.Generate(new SeededRandomSource(22));
    private readonly ManualTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    public void Dispose()
    {
        _node.Dispose();
        _other.Dispose();
    }

    [Fact]
    public void Signs_and_verifies_an_open_network_announce()
    {
        var datagram = AnnounceCodec.Sign(_node, "alice", Endpoints, null, _time);
        var announce = AnnounceCodec.Verify(datagram, _time, AnnounceLimits.Default);
        Assert.Equal(_node.Id, announce.NodeId);
        Assert.Equal("alice", announce.Name);
        Assert.Equal(Endpoints, announce.Endpoints);
        Assert.Equal(_node.SealingPublicKey.ToArray(), announce.SealingPublicKey.ToArray());
        Assert.Equal(_node.PublicKey.ToArray(), announce.IdentityPublicKey.ToArray());
        Assert.True(announce.NetworkTag.IsEmpty);
        Assert.Equal(datagram, announce.Encoded.ToArray());
        Assert.Equal(_time.Now, announce.Timestamp);
    }

    [Fact]
    public void Exposes_the_network_tag_and_salt_for_the_caller_to_compare()
    {
        using var network = NetworkKey.Derive("pass", new byte[16], NetworkKey.MinIterations);
        var announce = AnnounceCodec.Verify(AnnounceCodec.Sign(_node, "alice", Endpoints, network, _time), _time, AnnounceLimits.Default);
        Assert.True(network.MatchesTag(announce.NetworkTag.Span));
        Assert.Equal(network.Salt.ToArray(), announce.NetworkSalt.ToArray());
    }

    [Fact]
    public void Refuses_a_stale_or_future_announce()
    {
        var datagram = AnnounceCodec.Sign(_node, "alice", Endpoints, null, _time);
        var limits = new AnnounceLimits(1024, TimeSpan.FromSeconds(30));
        var later = new ManualTimeProvider(_time.Now.AddSeconds(31));
        Assert.Equal(ProtocolViolationReason.StaleTimestamp, Assert.Throws<ProtocolViolationException>(() => AnnounceCodec.Verify(datagram, later, limits)).Reason);
        var earlier = new ManualTimeProvider(_time.Now.AddSeconds(-31));
        Assert.Equal(ProtocolViolationReason.StaleTimestamp, Assert.Throws<ProtocolViolationException>(() => AnnounceCodec.Verify(datagram, earlier, limits)).Reason);
        AnnounceCodec.Verify(datagram, new ManualTimeProvider(_time.Now.AddSeconds(30)), limits);
    }

    [Fact]
    public void Refuses_a_forged_signature_or_a_swapped_key()
    {
        var signed = SignedAnnounce.Parser.ParseFrom(AnnounceCodec.Sign(_node, "alice", Endpoints, null, _time));
        var tampered = signed.Clone();
        var announce = Announce.Parser.ParseFrom(signed.Announce);
        announce.Name = "mallory";
        tampered.Announce = announce.ToByteString();
        Assert.Equal(ProtocolViolationReason.BadSignature, Refuse(tampered.ToByteArray()).Reason);

        var swapped = signed.Clone();
        swapped.IdentityKey = ByteString.CopyFrom(_other.PublicKey.Span);
        Assert.Equal(ProtocolViolationReason.BadSignature, Refuse(swapped.ToByteArray()).Reason);
    }

    [Fact]
    public void Refuses_a_node_id_not_derived_from_the_key()
    {
        var announce = Announce.Parser.ParseFrom(SignedAnnounce.Parser.ParseFrom(AnnounceCodec.Sign(_node, "alice", Endpoints, null, _time)).Announce);
        announce.NodeId = ByteString.CopyFrom(_other.Id.ToByteArray());
        Assert.Equal(ProtocolViolationReason.IdentityMismatch, Refuse(Resign(announce)).Reason);
    }

    [Fact]
    public void Refuses_another_protocol_version()
    {
        var announce = Announce.Parser.ParseFrom(SignedAnnounce.Parser.ParseFrom(AnnounceCodec.Sign(_node, "alice", Endpoints, null, _time)).Announce);
        announce.ProtocolVersion = 2;
        Assert.Equal(ProtocolViolationReason.UnsupportedVersion, Refuse(Resign(announce)).Reason);
    }

    [Fact]
    public void Refuses_too_many_endpoints_or_a_long_name_even_when_signed()
    {
        var announce = Announce.Parser.ParseFrom(SignedAnnounce.Parser.ParseFrom(AnnounceCodec.Sign(_node, "alice", Endpoints, null, _time)).Announce);
        for (var i = 0; i < 9; i++)
        {
            announce.Endpoints.Add(new TcpEndpoint { Host = "h", Port = 1 });
        }

        Assert.Equal(ProtocolViolationReason.LimitExceeded, Refuse(Resign(announce)).Reason);
        announce.Endpoints.Clear();
        announce.Name = new string('n', 65);
        Assert.Equal(ProtocolViolationReason.LimitExceeded, Refuse(Resign(announce)).Reason);
    }

    [Fact]
    public void Cuts_a_long_name_to_64_bytes_when_signing()
    {
        var announce = AnnounceCodec.Verify(AnnounceCodec.Sign(_node, new string('é', 40), Endpoints, null, _time), _time, AnnounceLimits.Default);
        Assert.Equal(new string('é', 32), announce.Name);
    }

    [Fact]
    public void Refuses_an_oversized_datagram_before_parsing()
    {
        var ex = Refuse(new byte[1025]);
        Assert.Equal(ProtocolViolationReason.FrameTooLarge, ex.Reason);
        Assert.Contains("mesh.discovery.max-datagram-size", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_truncated_and_garbage_datagrams()
    {
        var datagram = AnnounceCodec.Sign(_node, "alice", Endpoints, null, _time);
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse(datagram[..20]).Reason);
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse([]).Reason);
        Assert.Equal(ProtocolViolationReason.MalformedMessage, Refuse([1, 2, 3]).Reason);
    }

    private byte[] Resign(Announce announce)
    {
        var bytes = announce.ToByteArray();
        return new SignedAnnounce
        {
            Announce = ByteString.CopyFrom(bytes),
            IdentityKey = ByteString.CopyFrom(_node.PublicKey.Span),
            Signature = ByteString.CopyFrom(_node.Sign("meshnode/v1/announce"u8, bytes)),
        }.ToByteArray();
    }

    private ProtocolViolationException Refuse(byte[] datagram) =>
        Assert.Throws<ProtocolViolationException>(() => AnnounceCodec.Verify(datagram, _time, AnnounceLimits.Default));
}
