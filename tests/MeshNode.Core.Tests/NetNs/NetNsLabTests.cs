using System.Diagnostics;
using MeshNode.Core.Tests.Support;

namespace MeshNode.Core.Tests.NetNs;

/// <summary>Proves the namespace lab: hosts on a bridge really reach each other, and it cleans up.</summary>
public sealed class NetNsLabTests
{
    private const string Receiver = """
        use IO::Socket::INET; $| = 1;
        my $s = IO::Socket::INET->new(LocalAddr => "0.0.0.0", LocalPort => 5000, Proto => "udp", ReuseAddr => 1) or die "bind: $!";
        print "ready\n"; $s->recv(my $m, 100); print "got:$m\n";
        """;

    private const string BroadcastSender = """
        use IO::Socket::INET;
        my $s = IO::Socket::INET->new(Proto => "udp", Broadcast => 1, PeerAddr => $ARGV[0], PeerPort => 5000) or die "socket: $!";
        $s->send($ARGV[1]) or die "send: $!";
        """;

    [NetNsFact("bash", "timeout")]
    public async Task Three_hosts_on_one_bridge_reach_each_other()
    {
        await using var lab = await NetNsLab.CreateAsync();
        await lab.AddBridgeAsync(1);
        NetNsHost[] hosts = [await lab.AddHostAsync("h1", (1, 1)), await lab.AddHostAsync("h2", (1, 2)), await lab.AddHostAsync("h3", (1, 3))];

        foreach (var from in hosts)
        {
            foreach (var to in hosts.Where(h => h != from))
            {
                Assert.True(await ReachesAsync(lab, from, to.Address), $"{from.Name} cannot reach {to.Name} ({to.Address}).");
            }
        }
    }

    [NetNsFact("bash", "perl", "timeout")]
    public async Task A_UDP_datagram_crosses_the_bridge()
    {
        await using var lab = await NetNsLab.CreateAsync();
        await lab.AddBridgeAsync(2);
        var sender = await lab.AddHostAsync("s", (2, 1));
        var receiver = await lab.AddHostAsync("r", (2, 2));
        var listening = lab.StartIn(receiver, "timeout", "20", "perl", "-e", Receiver);
        await ExpectLineAsync(listening, "ready");

        (await lab.ExecAsync(sender, "bash", "-c", $"printf hello > /dev/udp/{receiver.Address}/5000")).EnsureSuccess("send");

        await ExpectLineAsync(listening, "got:hello");
    }

    [NetNsFact("perl", "timeout")]
    public async Task A_subnet_broadcast_reaches_every_other_host()
    {
        await using var lab = await NetNsLab.CreateAsync();
        await lab.AddBridgeAsync(3);
        var sender = await lab.AddHostAsync("s", (3, 1));
        var first = lab.StartIn(await lab.AddHostAsync("r1", (3, 2)), "timeout", "20", "perl", "-e", Receiver);
        var second = lab.StartIn(await lab.AddHostAsync("r2", (3, 3)), "timeout", "20", "perl", "-e", Receiver);
        await ExpectLineAsync(first, "ready");
        await ExpectLineAsync(second, "ready");

        (await lab.ExecAsync(sender, "perl", "-e", BroadcastSender, "10.231.3.255", "anyone")).EnsureSuccess("broadcast");

        await ExpectLineAsync(first, "got:anyone");
        await ExpectLineAsync(second, "got:anyone");
    }

    [NetNsFact("bash", "timeout")]
    public async Task A_host_on_two_bridges_is_the_only_way_between_them()
    {
        await using var lab = await NetNsLab.CreateAsync();
        await lab.AddBridgeAsync(6);
        await lab.AddBridgeAsync(7);
        var left = await lab.AddHostAsync("left", (6, 1));
        var middle = await lab.AddHostAsync("middle", (6, 2), (7, 2));
        var right = await lab.AddHostAsync("right", (7, 3));

        Assert.Equal(["10.231.6.2", "10.231.7.2"], middle.Addresses);
        Assert.True(await ReachesAsync(lab, left, middle.Addresses[0]));
        Assert.True(await ReachesAsync(lab, right, middle.Addresses[1]));
        Assert.False(await ReachesAsync(lab, left, right.Address));
    }

    [NetNsFact("bash", "timeout")]
    public async Task An_unplugged_cable_cuts_the_host_off_until_plugged_back()
    {
        await using var lab = await NetNsLab.CreateAsync();
        await lab.AddBridgeAsync(5);
        var a = await lab.AddHostAsync("a", (5, 1));
        var b = await lab.AddHostAsync("b", (5, 2));

        await lab.SetCableAsync(a, 0, plugged: false);
        Assert.False(await ReachesAsync(lab, a, b.Address));

        await lab.SetCableAsync(a, 0, plugged: true);
        Assert.True(await ReachesAsync(lab, a, b.Address));
    }

    [NetNsFact]
    public async Task Disposing_the_lab_removes_every_namespace_of_the_run()
    {
        var lab = await NetNsLab.CreateAsync();
        await lab.AddBridgeAsync(4);
        await lab.AddHostAsync("a", (4, 1));
        await lab.AddHostAsync("b", (4, 2));
        Assert.Equal(3, (await lab.ExistingNamespacesAsync()).Count);

        await lab.DisposeAsync();

        Assert.Empty(await lab.ExistingNamespacesAsync());
    }

    [NetNsFact]
    public async Task Leftovers_of_a_run_whose_process_is_gone_are_removed()
    {
        var ip = NetNsEnvironment.FindTool("ip")!;
        var deadPid = Enumerable.Range(4_000_000, 1000).First(pid => !Directory.Exists($"/proc/{pid}"));
        var leftover = $"{NetNsLab.NamePrefix}{deadPid}-dead-h1";
        (await ProcessRunner.RunAsync(ip, ["netns", "add", leftover])).EnsureSuccess("add leftover");

        await NetNsLab.RemoveLeftoversAsync(ip);

        var listed = await ProcessRunner.RunAsync(ip, ["netns", "list"]);
        Assert.DoesNotContain(leftover, listed.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// ping where installed; otherwise a TCP connect with bash to a closed port: "Connection
    /// refused" proves the SYN reached the host and its RST came back.
    /// </summary>
    private static async Task<bool> ReachesAsync(NetNsLab lab, NetNsHost from, string address)
    {
        if (NetNsEnvironment.FindTool("ping") is not null)
        {
            return (await lab.ExecAsync(from, "ping", "-c", "1", "-W", "3", address)).ExitCode == 0;
        }

        var probe = await lab.ExecAsync(from, "timeout", "5", "bash", "-c", $"exec 3<>/dev/tcp/{address}/9");
        return probe.StandardError.Contains("Connection refused", StringComparison.Ordinal);
    }

    private static async Task ExpectLineAsync(Process process, string expected)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(PipeTestExtensions.Patience);
        if (line != expected)
        {
            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : string.Empty;
            Assert.Fail($"Expected '{expected}', got '{line}'. {error}");
        }
    }
}
