namespace MeshNode.Protocol.Envelopes.Bodies;

/// <summary>Call signalling steps (wire enum <c>CallSignalKind</c>).</summary>
public enum CallSignalType
{
    /// <summary>Not set (treated as malformed).</summary>
    Unspecified = 0,

    /// <summary>Caller proposes a call and codec.</summary>
    Offer = 1,

    /// <summary>Callee is ringing.</summary>
    Ring = 2,

    /// <summary>Callee accepts.</summary>
    Accept = 3,

    /// <summary>Callee declines.</summary>
    Reject = 4,

    /// <summary>Either side ends the call.</summary>
    Hangup = 5,
}
