using System.Diagnostics;
using System.Text;
using MeshNode.Config.Hocon;
using Xunit.Abstractions;

namespace MeshNode.Config.Tests.Hocon;

/// <summary>
/// Fuzz loop (no fuzzing package here): random token soup and mutations of the HOCON vectors
/// (character flips, truncations, insertions, duplications, deletions) from a fixed seed. Only
/// <see cref="ConfigurationException"/> may escape; the whole loop runs under an overall timeout so
/// a hang fails the test and names the input it was stuck on. Includes resolve against an
/// in-memory copy of the resources folder, so include handling is fuzzed too without disk reads.
/// 100,000 inputs by default; MESHNODE_FUZZ_LONG=1 runs 1,000,000.
/// </summary>
public sealed class HoconFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_121;

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "${", "${?", "}", "\"", "\"\"\"", "=", ":", "+=", ",", "\n", " ", "\t", "a", "b.c", "\"q\"",
        "include ", "\"test01\"", "\"cycle.conf\"", "required(", "file(", ")", "1", "-", ".", "..", "#", "//", "true", "null",
        "\\", "\uFEFF", "\u00A0", "${a}", "${?a}", "a.b", "0", "1e5", "\"\\u00", "$", "?", "x=${x}", "a=[", "{a={b={",
        "\uD800", "\r\n", "include \"equiv03/letters/a.conf\"\n", "include \"test03\"\n",
    ];

    private volatile int _current;

    [Fact]
    public async Task Only_configuration_exceptions_escape_on_random_and_mutated_input()
    {
        var resources = HoconTestHelpers.Resources;
        var files = Directory.GetFiles(resources, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFullPath(f), File.ReadAllText);
        var corpus = files.Values.ToArray();
        var count = Environment.GetEnvironmentVariable("MESHNODE_FUZZ_LONG") == "1" ? 1_000_000 : 100_000;
        var env = new Dictionary<string, string> { ["SECRET_A"] = "A", ["HOME"] = "/home/fuzz" };

        var stats = await Task.Run(() => Run(count, corpus, files, env, resources))
            .WaitAsync(TimeSpan.FromMinutes(10))
            .ContinueWith(t => t.IsFaulted && t.Exception!.InnerException is TimeoutException
                ? throw new Xunit.Sdk.XunitException($"fuzz loop did not finish: stuck on input #{_current} (seed {Seed})")
                : t.GetAwaiter().GetResult(), TaskScheduler.Default);

        output.WriteLine($"{count} inputs: {stats.Accepted} accepted, {stats.Rejected} rejected, slowest #{stats.SlowestIndex} took {stats.Slowest.TotalMilliseconds:F1} ms");
        Assert.Equal(count, stats.Accepted + stats.Rejected);
        Assert.True(stats.Accepted > count / 100, "the mutations should leave some inputs valid");
        Assert.True(stats.Rejected > count / 10, "the mutations should break many inputs");
    }

    private sealed record Stats(int Accepted, int Rejected, TimeSpan Slowest, int SlowestIndex);

    private Stats Run(int count, string[] corpus, Dictionary<string, string> files, Dictionary<string, string> env, string resources)
    {
        var random = new Random(Seed);
        int accepted = 0, rejected = 0, slowestIndex = -1;
        var slowest = TimeSpan.Zero;
        var clock = new Stopwatch();
        for (var i = 0; i < count; i++)
        {
            _current = i;
            var input = random.Next(10) < 2 ? Soup(random) : Mutate(random, corpus[random.Next(corpus.Length)]);
            var syntax = random.Next(20) switch { 0 => HoconSyntax.Json, 1 => HoconSyntax.Properties, _ => HoconSyntax.Conf };
            clock.Restart();
            try
            {
                var include = new HoconIncludeContext(p => files.GetValueOrDefault(p), resources, [], 0);
                var root = HoconLoader.ParseText(input, "fuzz.conf", syntax, include);
                HoconLoader.Resolve(root, name => env.GetValueOrDefault(name));
                accepted++;
            }
            catch (ConfigurationException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException(
                    $"input #{i} (seed {Seed}, {syntax}) threw {e.GetType().Name}: {e.Message}\n--- input ---\n{input}\n---\n{e}");
            }

            if (clock.Elapsed > slowest)
            {
                slowest = clock.Elapsed;
                slowestIndex = i;
            }
        }

        return new Stats(accepted, rejected, slowest, slowestIndex);
    }

    private static string Soup(Random random)
    {
        var sb = new StringBuilder();
        var pieces = random.Next(1, 60);
        for (var i = 0; i < pieces; i++)
        {
            sb.Append(random.Next(8) == 0 ? ((char)random.Next(0, 0x3000)).ToString() : Fragments[random.Next(Fragments.Length)]);
        }

        return sb.ToString();
    }

    private static string Mutate(Random random, string original)
    {
        // Work on a window of the file so each input stays small and the loop stays fast.
        var text = original;
        if (text.Length > 1500 && random.Next(4) != 0)
        {
            var start = random.Next(text.Length - 1000);
            text = text.Substring(start, 1000);
        }

        var sb = new StringBuilder(text);
        var mutations = random.Next(1, 5);
        for (var m = 0; m < mutations; m++)
        {
            var at = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(6))
            {
                case 0 when sb.Length > 0:
                    sb[at] = (char)(sb[at] ^ (1 << random.Next(8)));
                    break;
                case 1:
                    sb.Length = at;
                    break;
                case 2:
                    sb.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 3 when sb.Length > 0:
                    var length = random.Next(1, Math.Min(200, sb.Length - at) + 1);
                    var piece = sb.ToString(at, length);
                    sb.Insert(random.Next(sb.Length + 1), piece);
                    break;
                case 4 when sb.Length > 0:
                    sb.Remove(at, random.Next(1, Math.Min(50, sb.Length - at) + 1));
                    break;
                default:
                    sb.Insert(at, (char)random.Next(0, 128));
                    break;
            }
        }

        return sb.ToString();
    }
}
