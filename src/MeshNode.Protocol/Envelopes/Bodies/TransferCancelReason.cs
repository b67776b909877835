namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Why a transfer stopped (wire enum <c>FileCancelReason</c>).</summary>
public enum TransferCancelReason
{
    /// <summary>Not given, or unknown to this version.</summary>
    Unspecified = 0,

    /// <summary>A person cancelled it.</summary>
    User = 1,

    /// <summary>The receiver declined the offer.</summary>
    Rejected = 2,

    /// <summary>The received file's SHA-256 did not match the offer.</summary>
    HashMismatch = 3,

    /// <summary>The receiver has no room.</summary>
    NoSpace = 4,

    /// <summary>No progress within the transfer timeout.</summary>
    Timeout = 5,
}
