namespace MeshNode.Config.Tests;

public class RouterSettingsTests
{
    [Fact]
    public void Defaults_bind_the_broadcast_repair_and_relay_queue_settings()
    {
        var r = MeshSettings.Defaults.Router;
        Assert.Equal(BroadcastMode.Tree, r.Broadcast);
        Assert.Equal(TimeSpan.FromMilliseconds(10), r.DigestDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(150), r.PullDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(500), r.PullRetryInterval);
        Assert.Equal(6, r.PullAttempts);
        Assert.Equal(1024, r.MaxPendingPulls);
        Assert.Equal(4096, r.RecentBroadcastCount);
        Assert.Equal(8 * 1024 * 1024, r.RecentBroadcastBytes);
        Assert.Equal(TimeSpan.FromSeconds(30), r.RecentBroadcastAge);
        Assert.Equal(1024, r.RelayQueueCount);
        Assert.Equal(4 * 1024 * 1024, r.RelayQueueBytes);
        Assert.Equal(TimeSpan.FromMinutes(10), r.RelayQueueAge);
    }

    [Fact]
    public void Binds_flood_mode_from_a_flag()
    {
        var settings = MeshSettings.From(MeshConfiguration.Build(environment: new Dictionary<string, string>(), commandLineArgs: ["--mesh.router.broadcast=flood"]));
        Assert.Equal(BroadcastMode.Flood, settings.Router.Broadcast);
    }

    [Theory]
    [InlineData("--mesh.router.broadcast=gossip", "mesh.router.broadcast")]
    [InlineData("--mesh.router.pull-attempts=0", "mesh.router.pull-attempts")]
    [InlineData("--mesh.router.recent-broadcast-bytes=1KiB", "mesh.router.recent-broadcast-bytes")]
    [InlineData("--mesh.router.relay-queue-age=0s", "mesh.router.relay-queue-age")]
    public void Refuses_a_bad_value_naming_the_setting(string flag, string key)
    {
        var ex = Assert.Throws<ConfigurationException>(() => MeshSettings.From(MeshConfiguration.Build(environment: new Dictionary<string, string>(), commandLineArgs: [flag])));
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
