namespace MeshNode.Tui.Model;

/// <summary>What protected a chat message, weakest first, as the node reported it.</summary>
internal enum SecurityLevel
{
    /// <summary>The node reported a level this UI does not know; shown as "?".</summary>
    Unknown,

    /// <summary>Only the Noise keys of each link: every relay on the path can read it.</summary>
    Link,

    /// <summary>The network passphrase: anyone holding the passphrase can read it.</summary>
    Network,

    /// <summary>Sealed end to end to the recipient: relays cannot read it.</summary>
    EndToEnd,
}
