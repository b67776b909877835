namespace MeshNode.Config;

/// <summary>How message bodies are protected beyond the per-link Noise encryption (<c>mesh.security.mode</c>).</summary>
public enum SecurityMode
{
    /// <summary>Links are encrypted and authenticated; any node may join and read broadcasts.</summary>
    Open,

    /// <summary>Bodies are also sealed under a key derived from a shared passphrase.</summary>
    Passphrase,
}
