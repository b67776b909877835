using MeshNode.Protocol.Framing;

namespace MeshNode.Core.Links;

/// <summary>
/// Credit-based flow control of one link (docs/protocol.md, FlowCredit), both directions. Only
/// envelope frames count; every other frame is control traffic and needs no credit.
/// <para>
/// Receiving: the peer may send what this node granted it, starting with the initial window
/// (<c>mesh.link.initial-credit-frames</c> and <c>-bytes</c>, announced by <see cref="InitialGrant"/>).
/// Each envelope is charged on arrival (<see cref="TryReceive"/>, by the read loop) and counted as
/// consumed once the link actor has handed it on (<see cref="Consumed"/>); once the peer has used
/// <c>mesh.link.credit-grant-threshold</c> of the window in frames or in bytes, <see cref="TakeGrant"/>
/// returns a top-up of what was consumed. So frames received and not yet handed on never exceed
/// the window, and an envelope beyond the credit is a violation.
/// </para>
/// <para>
/// Sending: starts at zero and grows with the peer's grants; an envelope goes out only within it.
/// </para>
/// Thread rule: <see cref="TryReceive"/> runs on the read loop, everything else on the link actor;
/// the credit both sides touch is under a lock.
/// </summary>
internal sealed class LinkFlowControl
{
    private readonly uint _windowFrames;
    private readonly uint _windowBytes;
    private readonly long _grantAfterFrames;
    private readonly long _grantAfterBytes;
    private readonly Lock _gate = new();
    private long _receiveFrames;
    private long _receiveBytes;
    private long _consumedFrames;
    private long _consumedBytes;

    /// <summary>A window of <paramref name="frames"/> and <paramref name="bytes"/>, topped up after <paramref name="grantThreshold"/> of it is used.</summary>
    public LinkFlowControl(int frames, int bytes, double grantThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        if (grantThreshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(grantThreshold), grantThreshold, "The grant threshold is a fraction between 0 and 1 (exclusive).");
        }

        _windowFrames = (uint)frames;
        _windowBytes = (uint)bytes;
        _grantAfterFrames = Math.Max(1, (long)Math.Ceiling(frames * grantThreshold));
        _grantAfterBytes = Math.Max(1, (long)Math.Ceiling(bytes * grantThreshold));
        _receiveFrames = frames;
        _receiveBytes = bytes;
    }

    /// <summary>Envelope frames the peer may still send to this node.</summary>
    public long ReceiveFrames
    {
        get
        {
            lock (_gate)
            {
                return _receiveFrames;
            }
        }
    }

    /// <summary>Envelope bytes the peer may still send to this node.</summary>
    public long ReceiveBytes
    {
        get
        {
            lock (_gate)
            {
                return _receiveBytes;
            }
        }
    }

    /// <summary>Envelope frames this node may still send to the peer.</summary>
    public long SendFrames { get; private set; }

    /// <summary>Envelope bytes this node may still send to the peer.</summary>
    public long SendBytes { get; private set; }

    /// <summary>The grant sent first on every link: the whole window.</summary>
    public FlowCreditFrame InitialGrant() => new(_windowFrames, _windowBytes);

    /// <summary>
    /// Charges an envelope of <paramref name="length"/> bytes that arrived from the peer; false
    /// (nothing charged) when it goes beyond the credit this node granted.
    /// </summary>
    public bool TryReceive(int length)
    {
        lock (_gate)
        {
            if (_receiveFrames < 1 || length > _receiveBytes)
            {
                return false;
            }

            _receiveFrames--;
            _receiveBytes -= length;
            return true;
        }
    }

    /// <summary>An envelope of <paramref name="length"/> bytes charged by <see cref="TryReceive"/> was handed on.</summary>
    public void Consumed(int length)
    {
        _consumedFrames++;
        _consumedBytes += length;
    }

    /// <summary>
    /// A top-up once the peer has used the threshold of the window (in frames or bytes), giving
    /// back what it used; null while it has not.
    /// </summary>
    public FlowCreditFrame? TakeGrant()
    {
        if (_consumedFrames < _grantAfterFrames && _consumedBytes < _grantAfterBytes)
        {
            return null;
        }

        var grant = new FlowCreditFrame((uint)_consumedFrames, (uint)_consumedBytes);
        lock (_gate)
        {
            _receiveFrames += _consumedFrames;
            _receiveBytes += _consumedBytes;
        }

        _consumedFrames = 0;
        _consumedBytes = 0;
        return grant;
    }

    /// <summary>Adds a grant from the peer (saturating: a peer cannot overflow the count).</summary>
    public void Granted(FlowCreditFrame grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        SendFrames = SaturatingAdd(SendFrames, grant.Frames);
        SendBytes = SaturatingAdd(SendBytes, grant.Bytes);
    }

    /// <summary>Whether an envelope of <paramref name="length"/> bytes fits the credit the peer granted.</summary>
    public bool CanSend(int length) => SendFrames >= 1 && length <= SendBytes;

    /// <summary>Takes an envelope of <paramref name="length"/> bytes off the credit; call only after <see cref="CanSend"/>.</summary>
    public void Sent(int length)
    {
        SendFrames--;
        SendBytes -= length;
    }

    private static long SaturatingAdd(long current, uint grant) => current > long.MaxValue - grant ? long.MaxValue : current + grant;
}
