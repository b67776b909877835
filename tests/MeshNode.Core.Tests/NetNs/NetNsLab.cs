using System.Diagnostics;
using System.Globalization;

namespace MeshNode.Core.Tests.NetNs;

/// <summary>
/// Simulated machines on simulated switches, made of Linux network namespaces: each bridge lives
/// in a namespace of its own (nothing is added to the host's network), each host is a namespace
/// joined to bridges by veth pairs with addresses in 10.231.SUBNET.0/24. Every name starts with
/// this run's prefix <c>mn-PID-RANDOM</c>; disposing deletes them all, and creating a lab first
/// removes leftovers of runs whose process is gone (a crashed run cannot leak for long).
/// </summary>
public sealed class NetNsLab : IAsyncDisposable
{
    /// <summary>Every namespace any lab makes starts with this.</summary>
    public const string NamePrefix = "mn-";

    private readonly string _ip;
    private readonly List<string> _namespaces = [];
    private readonly Dictionary<int, Bridge> _bridges = [];
    private readonly List<Process> _processes = [];

    private NetNsLab(string ip, string runPrefix)
    {
        _ip = ip;
        RunPrefix = runPrefix;
    }

    /// <summary>This run's prefix, e.g. <c>mn-4242-a1b2</c>.</summary>
    public string RunPrefix { get; }

    /// <summary>Removes leftovers of dead runs, then starts an empty lab.</summary>
    public static async Task<NetNsLab> CreateAsync()
    {
        var ip = NetNsEnvironment.FindTool("ip") ?? throw new InvalidOperationException("'ip' is missing (iproute2).");
        await RemoveLeftoversAsync(ip);
        var random = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..4];
        return new NetNsLab(ip, $"{NamePrefix}{Environment.ProcessId}-{random}");
    }

    /// <summary>Adds a switch for 10.231.<paramref name="subnet"/>.0/24.</summary>
    public async Task AddBridgeAsync(int subnet)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subnet);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subnet, 255);
        var ns = await AddNamespaceAsync($"br{subnet}");
        await IpAsync("-n", ns, "link", "add", "br0", "type", "bridge");
        await IpAsync("-n", ns, "link", "set", "br0", "up");
        _bridges.Add(subnet, new Bridge(ns));
    }

    /// <summary>
    /// Adds a machine joined to the given bridges; on bridge <c>Subnet</c> it gets
    /// 10.231.Subnet.HostNumber/24 (with its broadcast address) on interface eth0, eth1, ...
    /// </summary>
    public async Task<NetNsHost> AddHostAsync(string name, params (int Subnet, int HostNumber)[] attachments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var ns = await AddNamespaceAsync(name);
        var addresses = new List<string>();
        for (var k = 0; k < attachments.Length; k++)
        {
            var (subnet, hostNumber) = attachments[k];
            ArgumentOutOfRangeException.ThrowIfLessThan(hostNumber, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(hostNumber, 254);
            var bridge = _bridges.TryGetValue(subnet, out var found)
                ? found
                : throw new InvalidOperationException($"Add bridge {subnet} before hosts on it.");
            var port = $"p{bridge.NextPort++}";
            var device = $"eth{k}";
            var address = string.Create(CultureInfo.InvariantCulture, $"10.231.{subnet}.{hostNumber}");
            await IpAsync("link", "add", device, "netns", ns, "type", "veth", "peer", "name", port, "netns", bridge.Namespace);
            await IpAsync("-n", bridge.Namespace, "link", "set", port, "master", "br0");
            await IpAsync("-n", bridge.Namespace, "link", "set", port, "up");
            await IpAsync("-n", ns, "addr", "add", $"{address}/24", "brd", "+", "dev", device);
            await IpAsync("-n", ns, "link", "set", device, "up");
            addresses.Add(address);
        }

        return new NetNsHost(name, ns, addresses);
    }

    /// <summary>Unplugs (or plugs back) the host's cable to its <paramref name="device"/>-th bridge (eth0 = 0).</summary>
    public Task SetCableAsync(NetNsHost host, int device, bool plugged)
    {
        ArgumentNullException.ThrowIfNull(host);
        return IpAsync("-n", host.Namespace, "link", "set", $"eth{device}", plugged ? "up" : "down");
    }

    /// <summary>Runs a command inside the host's namespace and waits for it.</summary>
    public Task<ProcessResult> ExecAsync(NetNsHost host, string file, params string[] arguments)
    {
        return ProcessRunner.RunAsync(_ip, ["netns", "exec", host.Namespace, file, .. arguments]);
    }

    /// <summary>Starts a long-running command inside the host's namespace; the lab kills it on dispose.</summary>
    public Process StartIn(NetNsHost host, string file, params string[] arguments)
    {
        var process = ProcessRunner.Start(_ip, ["netns", "exec", host.Namespace, file, .. arguments]);
        _processes.Add(process);
        return process;
    }

    /// <summary>Kills what the lab started and deletes every namespace it made (with their links and bridges).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        foreach (var ns in Enumerable.Reverse(_namespaces))
        {
            await ProcessRunner.RunAsync(_ip, ["netns", "del", ns]);
        }
    }

    /// <summary>The namespaces of this run that exist now (tests check cleanup with it).</summary>
    public async Task<IReadOnlyList<string>> ExistingNamespacesAsync()
    {
        return (await ListNamespacesAsync(_ip)).Where(n => n.StartsWith(RunPrefix + "-", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Deletes namespaces named <c>mn-PID-...</c> whose PID is no longer running.</summary>
    public static async Task<int> RemoveLeftoversAsync(string ip)
    {
        var removed = 0;
        foreach (var name in await ListNamespacesAsync(ip))
        {
            var parts = name.Split('-');
            var isOurs = name.StartsWith(NamePrefix, StringComparison.Ordinal) && parts.Length >= 3;
            var pidText = isOurs && parts[1] == "probe" ? parts[2] : isOurs ? parts[1] : null;
            if (pidText is not null
                && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && !Directory.Exists($"/proc/{pid}"))
            {
                await ProcessRunner.RunAsync(ip, ["netns", "del", name]);
                removed++;
            }
        }

        return removed;
    }

    private static async Task<List<string>> ListNamespacesAsync(string ip)
    {
        var listed = (await ProcessRunner.RunAsync(ip, ["netns", "list"])).EnsureSuccess("ip netns list");
        return listed.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0])
            .ToList();
    }

    private async Task<string> AddNamespaceAsync(string suffix)
    {
        var ns = $"{RunPrefix}-{suffix}";
        await IpAsync("netns", "add", ns);
        _namespaces.Add(ns);
        await IpAsync("-n", ns, "link", "set", "lo", "up");
        return ns;
    }

    private async Task IpAsync(params string[] arguments)
    {
        (await ProcessRunner.RunAsync(_ip, arguments)).EnsureSuccess($"ip {string.Join(' ', arguments)}");
    }

    private sealed class Bridge(string ns)
    {
        public string Namespace { get; } = ns;

        public int NextPort { get; set; }
    }
}
