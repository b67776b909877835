namespace MeshNode.Core.Store;

/// <summary>The one exception of the store layer; the message names the database file.</summary>
public sealed class MeshStoreException : Exception
{
    /// <summary>Creates the exception with a reason and a message naming the file.</summary>
    public MeshStoreException(MeshStoreErrorReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates a <see cref="MeshStoreErrorReason.Io"/> exception (for serializers and analyzers).</summary>
    public MeshStoreException()
        : this(MeshStoreErrorReason.Io, "Store failure.")
    {
    }

    /// <summary>Creates a <see cref="MeshStoreErrorReason.Io"/> exception with a message.</summary>
    public MeshStoreException(string message)
        : this(MeshStoreErrorReason.Io, message)
    {
    }

    /// <summary>Creates a <see cref="MeshStoreErrorReason.Io"/> exception with a message and a cause.</summary>
    public MeshStoreException(string message, Exception innerException)
        : this(MeshStoreErrorReason.Io, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public MeshStoreErrorReason Reason { get; }
}
