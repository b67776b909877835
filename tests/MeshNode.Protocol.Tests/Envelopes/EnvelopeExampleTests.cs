using MeshNode.Protocol.Crypto;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Identity;
using MeshNode.Protocol.Tests.Wire;

namespace MeshNode.Protocol.Tests.Envelopes;

/// <summary>
/// The worked example in docs/protocol.md (section 8, "Example"), computed there independently of
/// this code; read from the document so the two cannot drift apart.
/// </summary>
public class EnvelopeExampleTests
{
    [Fact]
    public void Reproduces_the_documented_example_envelope()
    {
        Assert.Equal(DocumentedEnvelope(), Convert.ToHexStringLower(Example().Encoded.Span));
    }

    [Fact]
    public void The_documented_example_verifies()
    {
        var verified = EnvelopeCodec.Verify(Convert.FromHexString(DocumentedEnvelope()), EnvelopeLimits.Default);
        Assert.Equal("33c70e060c1fba8c9ded252fd5560013", verified.Origin.ToString());
        Assert.Equal("000102030405060708090a0b0c0d0e0f", verified.Id.ToString());
    }

    internal static VerifiedEnvelope Example()
    {
        using var identity = NodeIdentity.FromSecrets(
            Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), new byte[32]);
        var (type, body) = BodyCodec.Encode(new ChatBody("hi", 1, Protocol.Envelopes.Bodies.ChatScope.All));
        var draft = new EnvelopeDraft(null, type, EnvelopeProtection.Link, body, 4);
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        return EnvelopeCodec.Create(identity, draft, time, new CountingRandomSource(), EnvelopeLimits.Default);
    }

    private static string DocumentedEnvelope()
    {
        var doc = File.ReadAllText(Path.Combine(MeshNode.Testing.TestPaths.RepoRoot, "docs", "protocol.md"));
        var start = doc.IndexOf("<!-- example-envelope -->", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/protocol.md lost its example envelope marker");
        var block = doc[start..].Split("```")[1];
        return string.Concat(block.Where(Uri.IsHexDigit));
    }

    private sealed class CountingRandomSource : IRandomSource
    {
        public void Fill(Span<byte> buffer)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)i;
            }
        }
    }
}
