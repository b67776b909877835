namespace MeshNode.Tui.Model;

/// <summary>
/// One entry of a chat tab. Every text field is already cleaned by <see cref="TextSanitizer"/>
/// (no control characters, bounded length), so renderers only escape and lay it out.
/// </summary>
internal sealed class ChatLine
{
    /// <summary>Received, own or notice.</summary>
    public required ChatLineKind Kind { get; init; }

    /// <summary>The message id (null for notices); used to merge history and receipts without duplicates.</summary>
    public string? MessageId { get; init; }

    /// <summary>When it arrived (live) or was sent (history), shown in the model's time zone.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The author's node id (empty for notices).</summary>
    public string SenderId { get; init; } = string.Empty;

    /// <summary>The author's display name, cleaned and truncated.</summary>
    public string SenderName { get; init; } = string.Empty;

    /// <summary>The text, cleaned; may hold line breaks.</summary>
    public required string Text { get; init; }

    /// <summary>What protected it (received and own lines).</summary>
    public SecurityLevel Security { get; init; }

    /// <summary>Hops it travelled (received lines).</summary>
    public int Hops { get; init; }

    /// <summary>The author's key changed and was not trusted when it arrived.</summary>
    public bool FromChangedKey { get; init; }

    /// <summary>Sent, queued, delivered or failed (own lines); changes as receipts arrive.</summary>
    public OwnStatus Status { get; set; }

    /// <summary>Info, warning or error (notices).</summary>
    public NoticeKind Notice { get; init; }
}
