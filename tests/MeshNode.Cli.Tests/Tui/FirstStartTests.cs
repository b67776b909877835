namespace MeshNode.Cli.Tests.Tui;

/// <summary>The first start in a terminal without any name: the program asks for one, saves it, and shows the fingerprint.</summary>
public sealed class FirstStartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [TmuxFact]
    public async Task Asks_for_a_name_refuses_a_blank_one_saves_it_and_uses_it_next_time()
    {
        var profile = Directory.CreateTempSubdirectory("meshnode-first-start-").FullName;
        try
        {
            string[] args = ["run", "--no-discovery", "--port", "0", "--profile", profile];
            await using (var first = await TmuxSession.StartAsync(100, 30, args))
            {
                await first.WaitForScreenAsync(s => s.Contains("Your name:", StringComparison.Ordinal), Timeout, "the name prompt");
                await first.TypeLineAsync("   ");
                await first.WaitForScreenAsync(s => s.Contains("cannot be empty", StringComparison.Ordinal), Timeout, "the refusal of a blank name");
                await first.TypeLineAsync("Zoe Tester");
                var shown = await first.WaitForScreenAsync(s => s.Contains("Press Enter", StringComparison.Ordinal), Timeout, "the fingerprint");
                Assert.Contains("Your fingerprint is", shown, StringComparison.Ordinal);
                await first.TypeLineAsync(string.Empty);
                await first.WaitForScreenAsync(s => s.Contains("Zoe Tester", StringComparison.Ordinal) && !s.Contains("Press Enter", StringComparison.Ordinal), Timeout, "the UI under the new name");
                await first.TypeLineAsync("/quit");
                Assert.Equal(0, await first.WaitForExitAsync(Timeout));
            }

            Assert.Equal("Zoe Tester", (await File.ReadAllTextAsync(Path.Combine(profile, "display-name"))).Trim());

            // The saved name is used without asking: the UI opens at once.
            await using var second = await TmuxSession.StartAsync(100, 30, args);
            await second.WaitForScreenAsync(s => s.Contains("Zoe Tester", StringComparison.Ordinal), Timeout, "the UI under the saved name");
            await second.TypeLineAsync("/quit");
            Assert.Equal(0, await second.WaitForExitAsync(Timeout));
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
