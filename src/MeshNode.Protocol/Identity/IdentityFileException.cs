namespace MeshNode.Protocol.Identity;

/// <summary>
/// The identity file cannot be used: wrong size or format, or readable by other users. The message
/// names the file and what to do; it never contains key material.
/// </summary>
public sealed class IdentityFileException : IOException
{
    /// <summary>Creates the exception with a message naming the file and the fix.</summary>
    public IdentityFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the I/O error that revealed the problem.</summary>
    public IdentityFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
