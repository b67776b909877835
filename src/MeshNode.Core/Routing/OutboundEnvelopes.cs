using MeshNode.Core.Links;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Envelopes.Bodies;
using MeshNode.Protocol.Identity;

namespace MeshNode.Core.Routing;

/// <summary>Makes this node's own signed envelopes with the configured hop limit.</summary>
internal static class OutboundEnvelopes
{
    /// <summary>Encodes <paramref name="body"/>, protects it as asked and signs the envelope.</summary>
    /// <param name="context">The node's shared context (identity, network key, clock, randomness).</param>
    /// <param name="destination">The node it is for, or null for everyone.</param>
    /// <param name="body">The body to encode.</param>
    /// <param name="protection">How to protect the body; <see cref="EnvelopeProtection.Network"/> needs the network key.</param>
    /// <param name="recipientSealingKey">The destination's sealing key, for <see cref="EnvelopeProtection.EndToEnd"/>.</param>
    public static VerifiedEnvelope Create(
        LinkContext context,
        NodeId? destination,
        EnvelopeBody body,
        EnvelopeProtection protection,
        ReadOnlyMemory<byte> recipientSealingKey = default)
    {
        var (type, plaintext) = BodyCodec.Encode(body);
        byte[] sealedBody = protection switch
        {
            EnvelopeProtection.Network => BodyProtector.SealForNetwork(plaintext, NetworkCodec(context)),
            EnvelopeProtection.EndToEnd => BodyProtector.SealForRecipient(plaintext, context.Identity, recipientSealingKey.Span, context.Random),
            _ => plaintext,
        };
        var hopLimit = (uint)Math.Clamp(context.Settings.Router.HopLimit, 1, (int)context.EnvelopeLimits.MaxHopLimit);
        var draft = new EnvelopeDraft(destination, type, protection, sealedBody, hopLimit);
        return EnvelopeCodec.Create(context.Identity, draft, context.Time, context.Random, context.EnvelopeLimits);
    }

    /// <summary>The protection for traffic every node may read: the network key in passphrase mode, the links otherwise.</summary>
    public static EnvelopeProtection SharedProtection(LinkContext context) =>
        context.Network is null ? EnvelopeProtection.Link : EnvelopeProtection.Network;

    private static Protocol.Fernet.FernetCodec NetworkCodec(LinkContext context) =>
        context.Fernet ?? throw new InvalidOperationException("Network protection needs the network key (passphrase mode).");
}
