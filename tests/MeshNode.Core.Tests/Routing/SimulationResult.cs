using System.Globalization;

namespace MeshNode.Core.Tests.Routing;

/// <summary>Totals of a simulation run over many broadcasts.</summary>
internal sealed record SimulationResult(
    BroadcastScheme Scheme,
    double DropRate,
    int Nodes,
    int Broadcasts,
    double DeliveryRatio,
    double FullDeliveryRatio,
    double DuplicatesPerNodePerBroadcast,
    double PayloadSendsPerBroadcast,
    double DigestSendsPerBroadcast,
    double PullSendsPerBroadcast,
    double MeanDeliveryMilliseconds)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Scheme,-15} drop {DropRate:P0}: delivery {DeliveryRatio:P3} (all reached in {FullDeliveryRatio:P1} of {Broadcasts}), "
        + $"duplicates/node/broadcast {DuplicatesPerNodePerBroadcast:F3}, per broadcast: payload sends {PayloadSendsPerBroadcast:F1}, "
        + $"digests {DigestSendsPerBroadcast:F1}, pulls {PullSendsPerBroadcast:F1}; mean delivery {MeanDeliveryMilliseconds:F1} ms");
}
