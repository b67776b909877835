namespace MeshNode.Core.Store;

/// <summary>The strongest protection a chat message had on its way (DESIGN section 5).</summary>
public enum MessageSecurity
{
    /// <summary>Only the links' Noise encryption: every relay could read it.</summary>
    Link = 1,

    /// <summary>The network passphrase (Fernet): readable by every node holding the passphrase.</summary>
    Network = 2,

    /// <summary>Sealed end to end to the recipient: no relay could read it.</summary>
    EndToEnd = 3,
}
