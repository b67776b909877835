using System.Threading.Channels;
using MeshNode.Protocol;
using MeshNode.Protocol.Envelopes;
using MeshNode.Protocol.Fernet;

namespace MeshNode.Core.Discovery;

/// <summary>
/// Joins a passphrase network whose salt this node does not know (docs/protocol.md section 5):
/// before the node starts, it listens to discovery datagrams for a bounded time, verifies each
/// announce (signature, id, clock), and for every passphrase-network announce hands its (salt, tag)
/// to a <see cref="NetworkKeyResolver"/>, which derives at most once per salt and for at most
/// <c>mesh.network.max-salt-trials</c> salts. The first salt whose tag matches is adopted. Nothing
/// heard (or nothing matching) within the wait: the caller creates a new network.
/// </summary>
public static class NetworkSaltLearner
{
    /// <summary>Listens to <paramref name="datagrams"/> for up to <paramref name="wait"/>.</summary>
    /// <param name="datagrams">Received discovery datagrams (a <see cref="DiscoverySocket"/>'s, or any source in tests).</param>
    /// <param name="resolver">The passphrase's resolver; bounds the derivations.</param>
    /// <param name="wait">How long to listen (<c>mesh.network.salt-listen</c>).</param>
    /// <param name="limits">Announce bounds (<c>mesh.discovery.max-datagram-size</c>, <c>max-clock-skew</c>).</param>
    /// <param name="time">The clock for the wait and the announces' timestamps.</param>
    /// <param name="cancellationToken">Stops listening early (the result then says nothing was found).</param>
    /// <returns>What was found; <see cref="SaltLearning.Key"/> is null when no announce matched.</returns>
    public static async Task<SaltLearning> LearnAsync(
        ChannelReader<DiscoveryDatagram> datagrams,
        NetworkKeyResolver resolver,
        TimeSpan wait,
        AnnounceLimits limits,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datagrams);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        using var deadline = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        int announces = 0, tried = 0, refused = 0;
        try
        {
            await foreach (var datagram in datagrams.ReadAllAsync(linked.Token).ConfigureAwait(false))
            {
                VerifiedAnnounce announce;
                try
                {
                    announce = AnnounceCodec.Verify(datagram.Payload, time, limits);
                }
                catch (ProtocolViolationException)
                {
                    refused++;
                    continue;
                }

                if (announce.NetworkTag.IsEmpty)
                {
                    // An open network's node: no salt to learn.
                    continue;
                }

                announces++;
                var before = resolver.TrialsLeft;
                // PBKDF2 blocks for about a second at the default iterations: off the caller's thread.
                var key = await Task.Run(() => resolver.TryResolve(announce.NetworkSalt.Span, announce.NetworkTag.Span), CancellationToken.None).ConfigureAwait(false);
                tried += before - resolver.TrialsLeft;
                if (key is not null)
                {
                    return new SaltLearning(key, announces, tried, refused, TrialsExhausted: false);
                }

                if (resolver.TrialsLeft <= 0)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // The wait is over: nothing matched.
        }

        return new SaltLearning(null, announces, tried, refused, resolver.TrialsLeft <= 0);
    }
}
