namespace MeshNode.Core.Tests.NetNs;

/// <summary>How a finished command went.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public ProcessResult EnsureSuccess(string what)
    {
        return ExitCode == 0
            ? this
            : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}");
    }
}
