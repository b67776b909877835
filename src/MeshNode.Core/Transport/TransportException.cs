namespace MeshNode.Core.Transport;

/// <summary>
/// The one exception the transport layer throws: connect, listen, accept, and reads or writes on
/// a broken connection. <see cref="Reason"/> says what happened; socket errors are mapped into it.
/// </summary>
public sealed class TransportException : Exception
{
    /// <summary>Creates the exception with a reason and a message for logs.</summary>
    public TransportException(TransportErrorReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates a <see cref="TransportErrorReason.Reset"/> exception (for serializers and analyzers).</summary>
    public TransportException()
        : this(TransportErrorReason.Reset, "Transport failure.")
    {
    }

    /// <summary>Creates a <see cref="TransportErrorReason.Reset"/> exception with a message.</summary>
    public TransportException(string message)
        : this(TransportErrorReason.Reset, message)
    {
    }

    /// <summary>Creates a <see cref="TransportErrorReason.Reset"/> exception with a message and a cause.</summary>
    public TransportException(string message, Exception innerException)
        : this(TransportErrorReason.Reset, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public TransportErrorReason Reason { get; }
}
