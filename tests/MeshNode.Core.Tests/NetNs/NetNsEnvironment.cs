namespace MeshNode.Core.Tests.NetNs;

/// <summary>Whether this machine can run network-namespace tests, and why not.</summary>
public static class NetNsEnvironment
{
    private static readonly Lazy<string?> BaseSkipReason = new(FindBaseSkipReason);

    /// <summary>The full path of a tool on PATH (or in /sbin, /usr/sbin), or null.</summary>
    public static string? FindTool(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Null when the tests can run; otherwise the reason shown as the skip message.</summary>
    public static string? SkipReason(IEnumerable<string> requiredTools)
    {
        if (BaseSkipReason.Value is { } reason)
        {
            return reason;
        }

        var missing = requiredTools.Where(t => FindTool(t) is null).ToList();
        return missing.Count == 0
            ? null
            : $"Network namespace test skipped: needs {string.Join(", ", missing)} on PATH (Debian packages are listed in docs/testing.md).";
    }

    private static string? FindBaseSkipReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Network namespace test skipped: Linux only.";
        }

        if (!IsRoot())
        {
            return "Network namespace test skipped: needs root (CI runs as root; locally: sudo dotnet test).";
        }

        var ip = FindTool("ip");
        if (ip is null)
        {
            return "Network namespace test skipped: the 'ip' command is missing (Debian package iproute2).";
        }

        // Root in a container may still lack CAP_SYS_ADMIN: try one namespace for real.
        var probe = $"mn-probe-{Environment.ProcessId}";
        var added = ProcessRunner.RunAsync(ip, ["netns", "add", probe]).GetAwaiter().GetResult();
        if (added.ExitCode != 0)
        {
            return $"Network namespace test skipped: 'ip netns add' fails here ({added.StandardError.Trim()}).";
        }

        ProcessRunner.RunAsync(ip, ["netns", "del", probe]).GetAwaiter().GetResult();
        return null;
    }

    private static bool IsRoot()
    {
        try
        {
            var uid = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            var effective = uid?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2);
            return effective == "0";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
