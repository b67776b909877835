using MeshNode.Protocol.Handshake;

namespace MeshNode.Protocol.Tests.Handshake;

/// <summary>
/// Random mutations of every handshake message, and random payloads inside valid Noise messages:
/// the only exception allowed out of LinkHandshake is ProtocolViolationException, and no mutated
/// handshake completes.
/// </summary>
public sealed class LinkHandshakeMutationTests
{
    private const int Rounds = 300;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_messages_only_ever_raise_protocol_violations(int which)
    {
        var random = new Random(which);
        for (var round = 0; round < Rounds; round++)
        {
            using var initiator = LinkHandshake.Initiator(new TestNode("alice", 11).Settings());
            using var responder = LinkHandshake.Responder(new TestNode("bob", 22).Settings());
            var m1 = initiator.WriteNext();
            if (which == 1)
            {
                AssertRefusedOrHarmless(() => responder.ReadNext(Mutate(m1, random)), responder, mayPass: true);
                continue;
            }

            var m2 = responder.ReadNext(m1).Outgoing!;
            if (which == 2)
            {
                AssertRefusedOrHarmless(() => initiator.ReadNext(Mutate(m2, random)), initiator, mayPass: false);
                continue;
            }

            var m3 = initiator.ReadNext(m2).Outgoing!;
            AssertRefusedOrHarmless(() => responder.ReadNext(Mutate(m3, random)), responder, mayPass: false);
        }
    }

    [Fact]
    public void Random_payloads_under_valid_encryption_only_ever_raise_protocol_violations()
    {
        var random = new Random(99);
        var bob = new TestNode("bob", 22);
        for (var round = 0; round < Rounds; round++)
        {
            using var initiator = LinkHandshake.Initiator(new TestNode("alice", 11).Settings());
            using var raw = bob.RawResponder();
            raw.ReadMessage(initiator.WriteNext());
            var payload = new byte[random.Next(0, 300)];
            random.NextBytes(payload);

            var ex = Assert.Throws<ProtocolViolationException>(() => initiator.ReadNext(raw.WriteMessage(payload)));
            Assert.False(initiator.IsComplete, $"round {round}: {ex.Reason}");
        }
    }

    private static void AssertRefusedOrHarmless(Action read, LinkHandshake reader, bool mayPass)
    {
        try
        {
            read();
        }
        catch (ProtocolViolationException)
        {
            Assert.False(reader.IsComplete);
            return;
        }

        // Only message 1 may survive a mutation, in its clear hello (e.g. a flipped version bit
        // still inside the range): it is hashed, so message 2 then fails at the initiator.
        Assert.True(mayPass, "a mutated encrypted handshake message was accepted");
        Assert.False(reader.IsComplete);
    }

    private static byte[] Mutate(byte[] message, Random random)
    {
        var copy = (byte[])message.Clone();
        switch (random.Next(3))
        {
            case 0:
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                return copy;
            case 1:
                return copy[..random.Next(copy.Length)];
            default:
                var extra = new byte[random.Next(1, 64)];
                random.NextBytes(extra);
                return [.. copy, .. extra];
        }
    }
}
