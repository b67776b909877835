using Google.Protobuf;
using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Fernet;
using MeshNode.Protocol.Handshake;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Noise;
using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Tests.Handshake;

public sealed class LinkHandshakeTests
{
    // Derived once: PBKDF2 at the minimum iteration count still takes tens of milliseconds.
    private static readonly byte[] Salt = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
    private static readonly NetworkKey Network = NetworkKey.Derive("correct horse", Salt, NetworkKey.MinIterations);
    private static readonly NetworkKey OtherPassphrase = NetworkKey.Derive("battery staple", Salt, NetworkKey.MinIterations);

    private readonly TestNode _alice = new("alice", 11);
    private readonly TestNode _bob = new("bob", 22);

    [Fact]
    public void Two_nodes_complete_the_handshake_and_learn_each_other()
    {
        var (a, b) = Run(_alice.Settings(), _bob.Settings());

        Assert.Equal(_bob.IdentityKey, a.RemoteIdentityKey.ToArray());
        Assert.Equal(_alice.IdentityKey, b.RemoteIdentityKey.ToArray());
        Assert.Equal(NodeId.FromPublicKey(_bob.IdentityKey), a.RemoteNodeId);
        Assert.Equal(_bob.StaticPublic, a.RemoteStaticKey.ToArray());
        Assert.Equal(_alice.StaticPublic, b.RemoteStaticKey.ToArray());
        Assert.Equal(_bob.SealingPublic, a.RemoteSealingKey.ToArray());
        Assert.Equal("bob", a.RemoteName);
        Assert.Equal("alice", b.RemoteName);
        Assert.Equal(["chat", "files"], a.RemoteCapabilities);
        Assert.Equal(1u, a.ProtocolVersion);
        Assert.True(a.IsInitiator);
        Assert.False(b.IsInitiator);
        Assert.Equal(a.HandshakeHash.ToArray(), b.HandshakeHash.ToArray());

        using var ta = LinkTransport.From(a);
        using var tb = LinkTransport.From(b);
        Assert.Equal("ping"u8.ToArray(), tb.Decrypt(ta.Encrypt("ping"u8)));
        Assert.Equal("pong"u8.ToArray(), ta.Decrypt(tb.Encrypt("pong"u8)));
    }

    [Fact]
    public void Completes_in_passphrase_mode_when_both_hold_the_network_key()
    {
        var (a, b) = Run(_alice.Settings(Network), _bob.Settings(Network));
        Assert.Equal(a.HandshakeHash.ToArray(), b.HandshakeHash.ToArray());
    }

    [Fact]
    public void Initiator_refuses_a_static_key_the_identity_did_not_sign()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        var responder = _bob.RawResponder();
        responder.ReadMessage(initiator.WriteNext());
        var payload = _bob.Payload();
        payload.StaticSignature = ByteString.CopyFrom(Ed25519.Sign(_bob.IdentitySeed, TestNode.Concat("meshnode/v1/noise-static", new byte[32])));

        AssertRefused(ProtocolViolationReason.IdentityMismatch, () => initiator.ReadNext(responder.WriteMessage(payload.ToByteArray())));
    }

    [Fact]
    public void Initiator_refuses_a_sealing_key_the_identity_did_not_sign()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        var responder = _bob.RawResponder();
        responder.ReadMessage(initiator.WriteNext());
        var payload = _bob.Payload();
        payload.SealingKey = ByteString.CopyFrom(_alice.SealingPublic);

        AssertRefused(ProtocolViolationReason.IdentityMismatch, () => initiator.ReadNext(responder.WriteMessage(payload.ToByteArray())));
    }

    [Fact]
    public void Man_in_the_middle_with_its_own_static_key_cannot_reuse_bobs_identity_proof()
    {
        // Mallory dials Bob herself to capture his genuine payload (identity key + signature over
        // Bob's static key), then answers Alice with her own Noise static key and Bob's payload.
        var mallory = new TestNode("mallory", 44);
        using var malloryAsInitiator = new HandshakeState(
            NoiseProtocol.XXChaChaPolySha256, true, TestNode.Concat("meshnode/v1", []), mallory.Random, localStatic: mallory.StaticPrivate);
        using var bob = LinkHandshake.Responder(_bob.Settings());
        var hello = malloryAsInitiator.WriteMessage(new HandshakeHello { MinVersion = 1, MaxVersion = 1 }.ToByteArray());
        var bobsPayload = malloryAsInitiator.ReadMessage(bob.ReadNext(hello).Outgoing!);

        using var alice = LinkHandshake.Initiator(_alice.Settings() with { ExpectedRemoteIdentity = _bob.IdentityKey });
        var malloryAsResponder = mallory.RawResponder();
        malloryAsResponder.ReadMessage(alice.WriteNext());

        AssertRefused(ProtocolViolationReason.IdentityMismatch, () => alice.ReadNext(malloryAsResponder.WriteMessage(bobsPayload)));
    }

    [Fact]
    public void Initiator_refuses_a_peer_other_than_the_one_dialed()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings() with { ExpectedRemoteIdentity = new TestNode("carol", 55).IdentityKey });
        using var responder = LinkHandshake.Responder(_bob.Settings());
        var message2 = responder.ReadNext(initiator.WriteNext()).Outgoing!;

        AssertRefused(ProtocolViolationReason.IdentityMismatch, () => initiator.ReadNext(message2));
    }

    [Fact]
    public void Refuses_a_link_to_its_own_identity()
    {
        var twin = new TestNode("twin", 11);
        var ex = Assert.Throws<ProtocolViolationException>(() => Run(_alice.Settings(), twin.Settings() with { StaticPrivateKey = new TestNode("x", 66).StaticPrivate }));
        Assert.Equal(ProtocolViolationReason.IdentityMismatch, ex.Reason);
    }

    [Fact]
    public void Responder_refuses_another_passphrase_at_message_1()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings(Network));
        using var responder = LinkHandshake.Responder(_bob.Settings(OtherPassphrase));

        AssertRefused(ProtocolViolationReason.NetworkMismatch, () => responder.ReadNext(initiator.WriteNext()));
    }

    [Fact]
    public void Open_and_passphrase_nodes_do_not_link()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        using var responder = LinkHandshake.Responder(_bob.Settings(Network));
        AssertRefused(ProtocolViolationReason.NetworkMismatch, () => responder.ReadNext(initiator.WriteNext()));

        using var initiator2 = LinkHandshake.Initiator(_alice.Settings(Network));
        using var responder2 = LinkHandshake.Responder(_bob.Settings());
        AssertRefused(ProtocolViolationReason.NetworkMismatch, () => responder2.ReadNext(initiator2.WriteNext()));
    }

    [Fact]
    public void A_node_that_copies_the_public_tag_but_lacks_the_passphrase_cannot_link()
    {
        // The tag is broadcast in every Announce; Eve puts it in her hello and prologue, but
        // cannot compute the proof.
        using var alice = LinkHandshake.Initiator(_alice.Settings(Network));
        var eve = new TestNode("eve", 77);
        var eveRaw = eve.RawResponder(Network.Tag.ToArray());
        eveRaw.ReadMessage(alice.WriteNext());
        var withoutProof = eve.Payload();
        AssertRefused(ProtocolViolationReason.NetworkMismatch, () => alice.ReadNext(eveRaw.WriteMessage(withoutProof.ToByteArray())));

        using var bob = LinkHandshake.Responder(_bob.Settings(Network));
        using var eveAsInitiator = new HandshakeState(
            NoiseProtocol.XXChaChaPolySha256, true, TestNode.Concat("meshnode/v1", Network.Tag.Span), eve.Random, localStatic: eve.StaticPrivate);
        var hello = new HandshakeHello { MinVersion = 1, MaxVersion = 1, NetworkTag = ByteString.CopyFrom(Network.Tag.Span) };
        eveAsInitiator.ReadMessage(bob.ReadNext(eveAsInitiator.WriteMessage(hello.ToByteArray())).Outgoing!);
        var guess = eve.Payload();
        var message3 = eveAsInitiator.WriteMessage(h =>
        {
            guess.NetworkProof = ByteString.CopyFrom(OtherPassphrase.ComputeProof([.. h, (byte)'I']));
            return guess.ToByteArray();
        });
        AssertRefused(ProtocolViolationReason.NetworkMismatch, () => bob.ReadNext(message3));
    }

    [Fact]
    public void A_network_proof_from_another_handshake_is_refused()
    {
        // Eve lacks the passphrase but copies Bob's proof from an earlier handshake.
        using var alice1 = LinkHandshake.Initiator(_alice.Settings(Network));
        var bobRaw = _bob.RawResponder(Network.Tag.ToArray());
        bobRaw.ReadMessage(alice1.WriteNext());
        var bobPayload = _bob.Payload();
        byte[]? proof = null;
        var message2 = bobRaw.WriteMessage(h =>
        {
            proof = Network.ComputeProof([.. h, (byte)'R']);
            bobPayload.NetworkProof = ByteString.CopyFrom(proof);
            return bobPayload.ToByteArray();
        });
        alice1.ReadNext(message2);

        var eve = new TestNode("eve", 77);
        using var alice2 = LinkHandshake.Initiator(_alice.Settings(Network));
        var eveRaw = eve.RawResponder(Network.Tag.ToArray());
        eveRaw.ReadMessage(alice2.WriteNext());
        var evePayload = eve.Payload();
        evePayload.NetworkProof = ByteString.CopyFrom(proof!);

        AssertRefused(ProtocolViolationReason.NetworkMismatch, () => alice2.ReadNext(eveRaw.WriteMessage(evePayload.ToByteArray())));
    }

    [Fact]
    public void Responder_refuses_an_initiator_without_a_common_version()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings() with { MinVersion = 2, MaxVersion = 3 });
        using var responder = LinkHandshake.Responder(_bob.Settings());

        AssertRefused(ProtocolViolationReason.UnsupportedVersion, () => responder.ReadNext(initiator.WriteNext()));
    }

    [Fact]
    public void Picks_the_highest_common_version()
    {
        var (a, b) = Run(_alice.Settings() with { MaxVersion = 3 }, _bob.Settings() with { MaxVersion = 2 });
        Assert.Equal(2u, a.ProtocolVersion);
        Assert.Equal(2u, b.ProtocolVersion);
    }

    [Fact]
    public void Initiator_refuses_a_version_it_does_not_speak()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        var responder = _bob.RawResponder();
        responder.ReadMessage(initiator.WriteNext());

        AssertRefused(ProtocolViolationReason.UnsupportedVersion, () => initiator.ReadNext(responder.WriteMessage(_bob.Payload(version: 9).ToByteArray())));
    }

    [Fact]
    public void Replayed_message_2_is_refused()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        using var responder = LinkHandshake.Responder(_bob.Settings());
        var message2 = responder.ReadNext(initiator.WriteNext()).Outgoing!;
        Assert.NotNull(initiator.ReadNext(message2).Result);

        // Again on the same handshake: it is over.
        AssertRefused(ProtocolViolationReason.HandshakeOutOfOrder, () => initiator.ReadNext(message2));

        // On a fresh handshake: another ephemeral key, so it does not decrypt.
        using var fresh = LinkHandshake.Initiator(_alice.Settings());
        fresh.WriteNext();
        AssertRefused(ProtocolViolationReason.AuthenticationFailed, () => fresh.ReadNext(message2));
    }

    [Fact]
    public void Replayed_message_3_is_refused_by_a_fresh_responder()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        using var responder = LinkHandshake.Responder(_bob.Settings());
        var message1 = initiator.WriteNext();
        var message3 = initiator.ReadNext(responder.ReadNext(message1).Outgoing!).Outgoing!;
        responder.ReadNext(message3);

        using var fresh = LinkHandshake.Responder(_bob.Settings());
        fresh.ReadNext(message1);
        AssertRefused(ProtocolViolationReason.AuthenticationFailed, () => fresh.ReadNext(message3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_truncation_of_every_message_is_refused(int which)
    {
        using var probeI = LinkHandshake.Initiator(_alice.Settings());
        using var probeR = LinkHandshake.Responder(_bob.Settings());
        var m1 = probeI.WriteNext();
        var m2 = probeR.ReadNext(m1).Outgoing!;
        var m3 = probeI.ReadNext(m2).Outgoing!;
        var full = which switch { 1 => m1, 2 => m2, _ => m3 };

        for (var length = 0; length < full.Length; length++)
        {
            var i = LinkHandshake.Initiator(new TestNode("alice", 11).Settings());
            var r = LinkHandshake.Responder(new TestNode("bob", 22).Settings());
            var n1 = i.WriteNext();
            Assert.Equal(m1, n1);
            var cut = full.AsSpan(0, length).ToArray();
            var ex = Assert.Throws<ProtocolViolationException>(() =>
            {
                if (which == 1)
                {
                    r.ReadNext(cut);
                }
                else if (which == 2)
                {
                    r.ReadNext(n1);
                    i.ReadNext(cut);
                }
                else
                {
                    i.ReadNext(r.ReadNext(n1).Outgoing!);
                    r.ReadNext(cut);
                }
            });
            Assert.False(r.IsComplete && i.IsComplete);
            Assert.Contains(ex.Reason, new[]
            {
                ProtocolViolationReason.Truncated, ProtocolViolationReason.AuthenticationFailed,
                ProtocolViolationReason.MalformedMessage, ProtocolViolationReason.UnsupportedVersion,
                ProtocolViolationReason.NetworkMismatch,
            });
        }
    }

    [Fact]
    public void Calls_out_of_order_are_refused()
    {
        using var responder = LinkHandshake.Responder(_bob.Settings());
        AssertRefused(ProtocolViolationReason.HandshakeOutOfOrder, () => responder.WriteNext());

        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        AssertRefused(ProtocolViolationReason.HandshakeOutOfOrder, () => initiator.ReadNext(new byte[48]));

        using var twice = LinkHandshake.Initiator(_alice.Settings());
        twice.WriteNext();
        AssertRefused(ProtocolViolationReason.HandshakeOutOfOrder, () => twice.WriteNext());
    }

    [Fact]
    public void A_refused_handshake_stays_refused()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings() with { ExpectedRemoteIdentity = _alice.IdentityKey });
        using var responder = LinkHandshake.Responder(_bob.Settings());
        var message2 = responder.ReadNext(initiator.WriteNext()).Outgoing!;
        Assert.Throws<ProtocolViolationException>(() => initiator.ReadNext(message2));

        AssertRefused(ProtocolViolationReason.HandshakeOutOfOrder, () => initiator.ReadNext(message2));
    }

    [Fact]
    public void Malformed_payload_is_refused()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        var responder = _bob.RawResponder();
        responder.ReadMessage(initiator.WriteNext());

        AssertRefused(ProtocolViolationReason.MalformedMessage, () => initiator.ReadNext(responder.WriteMessage([0xFF, 0xFF, 0xFF])));
    }

    [Fact]
    public void Oversized_name_from_a_peer_is_refused()
    {
        using var initiator = LinkHandshake.Initiator(_alice.Settings());
        var responder = _bob.RawResponder();
        responder.ReadMessage(initiator.WriteNext());
        var payload = _bob.Payload();
        payload.Name = new string('x', LinkHandshake.MaxNameBytes + 1);

        AssertRefused(ProtocolViolationReason.LimitExceeded, () => initiator.ReadNext(responder.WriteMessage(payload.ToByteArray())));
    }

    internal static (HandshakeResult Initiator, HandshakeResult Responder) Run(LinkHandshakeSettings a, LinkHandshakeSettings b)
    {
        using var initiator = LinkHandshake.Initiator(a);
        using var responder = LinkHandshake.Responder(b);
        var step2 = responder.ReadNext(initiator.WriteNext());
        Assert.Null(step2.Result);
        var step3 = initiator.ReadNext(step2.Outgoing!);
        var final = responder.ReadNext(step3.Outgoing!);
        Assert.Null(final.Outgoing);
        Assert.True(initiator.IsComplete);
        Assert.True(responder.IsComplete);
        return (step3.Result!, final.Result!);
    }

    private static void AssertRefused(ProtocolViolationReason reason, Action action)
    {
        var ex = Assert.Throws<ProtocolViolationException>(action);
        Assert.Equal(reason, ex.Reason);
    }
}
