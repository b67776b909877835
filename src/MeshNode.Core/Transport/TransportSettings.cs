namespace MeshNode.Core.Transport;

/// <summary>Limits and timeouts shared by every transport.</summary>
public sealed record TransportSettings
{
    /// <summary>The defaults: 1 MiB buffered per direction, 5 s connect, 2 s close.</summary>
    public static TransportSettings Default { get; } = new();

    /// <summary>
    /// Bytes a pipe holds before the writer is paused (per direction, per side). Bounds memory
    /// per connection; a slow reader stops the writer here instead of growing a buffer.
    /// </summary>
    public int MaxBufferedBytes { get; init; } = 1024 * 1024;

    /// <summary>Bytes below which a paused writer resumes; at most <see cref="MaxBufferedBytes"/>.</summary>
    public int ResumeBufferedBytes { get; init; } = 512 * 1024;

    /// <summary>How long a connect may take before it fails with <see cref="TransportErrorReason.TimedOut"/>.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a clean close waits for unsent bytes to leave and for the remote side to close
    /// in turn before the connection is aborted.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Connections waiting for <see cref="ITransportListener.AcceptAsync"/> before new ones are refused.</summary>
    public int ListenBacklog { get; init; } = 128;

    /// <summary>
    /// TCP only: the socket send and receive buffer sizes in bytes, or null to keep the
    /// operating system's automatic tuning.
    /// </summary>
    public int? SocketBufferBytes { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (MaxBufferedBytes < 1024)
        {
            throw new ArgumentException($"{nameof(MaxBufferedBytes)} must be at least 1024 bytes (is {MaxBufferedBytes}).");
        }

        if (ResumeBufferedBytes < 0 || ResumeBufferedBytes > MaxBufferedBytes)
        {
            throw new ArgumentException($"{nameof(ResumeBufferedBytes)} must be 0 to {nameof(MaxBufferedBytes)} (is {ResumeBufferedBytes}).");
        }

        if (ConnectTimeout <= TimeSpan.Zero || CloseTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ConnectTimeout)} must be positive and {nameof(CloseTimeout)} not negative.");
        }

        if (ListenBacklog < 1)
        {
            throw new ArgumentException($"{nameof(ListenBacklog)} must be at least 1 (is {ListenBacklog}).");
        }

        if (SocketBufferBytes is < 1024)
        {
            throw new ArgumentException($"{nameof(SocketBufferBytes)} must be at least 1024 bytes or null (is {SocketBufferBytes}).");
        }
    }

    internal System.IO.Pipelines.PipeOptions CreatePipeOptions()
    {
        return new System.IO.Pipelines.PipeOptions(
            pauseWriterThreshold: MaxBufferedBytes,
            resumeWriterThreshold: ResumeBufferedBytes,
            useSynchronizationContext: false);
    }
}
