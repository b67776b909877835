namespace MeshNode.Cli;

/// <summary>
/// A failure the user can fix (bad configuration, unreadable file, refused flag): reported as one
/// line on standard error, never with a stack trace.
/// </summary>
internal sealed class CliUserException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The one-line message shown after "meshnode: ".</param>
    /// <param name="exitCode">The process exit code (1 runtime failure, 2 usage error).</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public CliUserException(string message, int exitCode = CliApplication.ExitFailure, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code to return.</summary>
    public int ExitCode { get; }
}
