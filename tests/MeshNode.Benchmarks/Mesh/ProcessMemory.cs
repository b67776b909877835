using System.Globalization;

namespace MeshNode.Benchmarks.Mesh;

/// <summary>Reads a process's resident memory from /proc (Linux), whole and by kind.</summary>
internal static class ProcessMemory
{
    public static long RssBytes(int pid) => StatusKib(pid, "VmRSS:") * 1024;

    /// <summary>A value in kB from /proc/PID/status (VmRSS:, Threads: ...).</summary>
    public static long StatusKib(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var value = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no {field} in /proc/{pid}/status");
    }

    /// <summary>
    /// Resident memory by what it holds, from /proc/PID/smaps: pages of managed assemblies (.dll),
    /// of native libraries (.so), the runtime's executable memory (JIT code, type data and stubs:
    /// the W^X double mapping), and the rest (GC heap, native heap, thread stacks).
    /// </summary>
    public static Breakdown Kinds(int pid)
    {
        long dll = 0, native = 0, code = 0, other = 0;
        var name = string.Empty;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var first = line.IndexOf(' ', StringComparison.Ordinal);
            if (first > 0 && line.AsSpan(0, first).Contains('-') && char.IsAsciiHexDigit(line[0]))
            {
                var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                name = parts.Length == 6 ? parts[5] : string.Empty;
                continue;
            }

            if (!line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                continue;
            }

            var kib = long.Parse(line["Rss:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            if (name.EndsWith(".dll", StringComparison.Ordinal))
            {
                dll += kib;
            }
            else if (name.Contains(".so", StringComparison.Ordinal))
            {
                native += kib;
            }
            else if (name.Contains("doublemapper", StringComparison.Ordinal))
            {
                code += kib;
            }
            else
            {
                other += kib;
            }
        }

        return new Breakdown(dll * 1024, native * 1024, code * 1024, other * 1024);
    }

    /// <summary>Resident bytes by kind.</summary>
    public readonly record struct Breakdown(long Assemblies, long NativeLibraries, long RuntimeCode, long Other);
}
