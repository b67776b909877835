using MeshNode.Protocol.Handshake;

namespace MeshNode.Protocol.Tests.Handshake;

public sealed class LinkTransportTests
{
    [Fact]
    public void Frames_flow_both_ways_across_many_rekeys()
    {
        var (a, b) = Transports(rekeyInterval: 3);
        using (a)
        using (b)
        {
            for (var i = 0; i < 20; i++)
            {
                var message = BitConverter.GetBytes(i);
                Assert.Equal(message, b.Decrypt(a.Encrypt(message)));
                Assert.Equal(message, a.Decrypt(b.Encrypt(message)));
            }

            Assert.Equal(20UL, a.Sent);
            Assert.Equal(20UL, b.Received);
        }
    }

    [Fact]
    public void A_rekey_changes_the_key()
    {
        var (a, b) = Transports(rekeyInterval: 2);
        using var reference = Transports(rekeyInterval: 0).Initiator;
        using (a)
        using (b)
        {
            a.Encrypt([1]);
            reference.Encrypt([1]);
            Assert.Equal(reference.Encrypt([2]), a.Encrypt([2]));

            // Message 3 is the first under the new key: the same nonce without rekey differs.
            Assert.NotEqual(reference.Encrypt([3]), a.Encrypt([3]));
        }
    }

    [Fact]
    public void Sides_with_different_rekey_intervals_fail_at_the_first_rekey()
    {
        var (a, b) = Transports(rekeyInterval: 2, responderRekeyInterval: 4);
        using (a)
        using (b)
        {
            b.Decrypt(a.Encrypt([1]));
            b.Decrypt(a.Encrypt([2]));
            var ex = Assert.Throws<ProtocolViolationException>(() => b.Decrypt(a.Encrypt([3])));
            Assert.Equal(ProtocolViolationReason.AuthenticationFailed, ex.Reason);
        }
    }

    [Fact]
    public void Tampered_reordered_and_replayed_frames_are_refused()
    {
        var (a, b) = Transports(rekeyInterval: 0);
        using (a)
        using (b)
        {
            var first = a.Encrypt("one"u8);
            var second = a.Encrypt("two"u8);
            var tampered = (byte[])first.Clone();
            tampered[0] ^= 1;

            Assert.Equal(ProtocolViolationReason.AuthenticationFailed, Assert.Throws<ProtocolViolationException>(() => b.Decrypt(tampered)).Reason);
            Assert.Equal(ProtocolViolationReason.AuthenticationFailed, Assert.Throws<ProtocolViolationException>(() => b.Decrypt(second)).Reason);
            Assert.Equal("one"u8.ToArray(), b.Decrypt(first));
            Assert.Equal(ProtocolViolationReason.AuthenticationFailed, Assert.Throws<ProtocolViolationException>(() => b.Decrypt(first)).Reason);
            Assert.Equal("two"u8.ToArray(), b.Decrypt(second));
        }
    }

    [Fact]
    public void Oversized_and_truncated_frames_are_refused()
    {
        var (a, b) = Transports(rekeyInterval: 0);
        using (a)
        using (b)
        {
            Assert.Equal(ProtocolViolationReason.FrameTooLarge, Assert.Throws<ProtocolViolationException>(() => b.Decrypt(new byte[LinkTransport.MaxMessageLength + 1])).Reason);
            Assert.Equal(ProtocolViolationReason.Truncated, Assert.Throws<ProtocolViolationException>(() => b.Decrypt(new byte[15])).Reason);
            Assert.Throws<ArgumentException>(() => a.Encrypt(new byte[LinkTransport.MaxPlaintextLength + 1]));
            Assert.Equal(LinkTransport.MaxMessageLength, a.Encrypt(new byte[LinkTransport.MaxPlaintextLength]).Length);
        }
    }

    private static (LinkTransport Initiator, LinkTransport Responder) Transports(ulong rekeyInterval, ulong? responderRekeyInterval = null)
    {
        var (a, b) = LinkHandshakeTests.Run(new TestNode("alice", 11).Settings(), new TestNode("bob", 22).Settings());
        return (LinkTransport.From(a, rekeyInterval), LinkTransport.From(b, responderRekeyInterval ?? rekeyInterval));
    }
}
