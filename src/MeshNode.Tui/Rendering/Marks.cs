using MeshNode.Tui.Model;

namespace MeshNode.Tui.Rendering;

/// <summary>
/// The one-character marks the UI uses; every state is a character first and a colour second, so
/// the screen reads the same with NO_COLOR. The help overlay and docs/tui.md explain them.
/// </summary>
internal static class Marks
{
    /// <summary>Sealed end to end to the recipient.</summary>
    public const string EndToEnd = "\u25c6";

    /// <summary>Protected by the network passphrase.</summary>
    public const string Network = "\u25c7";

    /// <summary>Protected by each link only (relays can read it).</summary>
    public const string LinkOnly = "\u25cb";

    /// <summary>Security the UI does not know.</summary>
    public const string UnknownSecurity = "?";

    /// <summary>Own message handed to the mesh.</summary>
    public const string Sent = "\u2192";

    /// <summary>Own message waiting in the outbox.</summary>
    public const string Queued = "\u2026";

    /// <summary>Own direct message confirmed by the recipient.</summary>
    public const string Delivered = "\u2713";

    /// <summary>Own message the node gave up on.</summary>
    public const string Failed = "\u2717";

    /// <summary>From a sender whose key changed and is not trusted; also the peer's trust mark.</summary>
    public const string ChangedKey = "!";

    /// <summary>Peer whose fingerprint the user verified.</summary>
    public const string Verified = "\u2713";

    /// <summary>Peer online (linked or reachable).</summary>
    public const string Online = "\u25cf";

    /// <summary>Peer away.</summary>
    public const string Away = "\u00b7";

    /// <summary>Selected row in a focused list.</summary>
    public const string Selected = "\u25b8";

    /// <summary>Focused pane, in its header.</summary>
    public const string Focus = "\u25b6";

    /// <summary>Link that appeared a moment ago.</summary>
    public const string Appeared = "+";

    /// <summary>Link that vanished a moment ago.</summary>
    public const string Vanished = "x";

    /// <summary>The mark of a security level.</summary>
    public static string Of(SecurityLevel level) => level switch
    {
        SecurityLevel.EndToEnd => EndToEnd,
        SecurityLevel.Network => Network,
        SecurityLevel.Link => LinkOnly,
        _ => UnknownSecurity,
    };

    /// <summary>The mark of an own message's status.</summary>
    public static string Of(OwnStatus status) => status switch
    {
        OwnStatus.Queued => Queued,
        OwnStatus.Delivered => Delivered,
        OwnStatus.Failed => Failed,
        _ => Sent,
    };
}
