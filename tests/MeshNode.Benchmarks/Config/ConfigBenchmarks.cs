using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MeshNode.Config;
using MeshNode.Config.Hocon;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Benchmarks.Config;

/// <summary>
/// Start-up cost of configuration (target: parse hocon.conf and bind MeshSettings in under 5 ms;
/// Akka.NET once shipped a HOCON regression that made start-up take 33 s). Baseline: System.Text.Json
/// parsing the same tree written as JSON, the cheapest way to read that much structure.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ConfigBenchmarks
{
    private string _hocon = string.Empty;
    private string _json = string.Empty;
    private string _akkaReference = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _hocon = EmbeddedConfiguration.Defaults;
        _json = ToJson(HoconLoader.Resolve(HoconLoader.ParseString(_hocon, "hocon.conf"), null));

        // A bigger real-world file: Akka's 2011 reference.conf from the HOCON vectors beside the repository.
        var vectors = FindUp("shared/vectors/hocon/resources/test04.conf");
        _akkaReference = vectors is null ? _hocon : File.ReadAllText(vectors);
        if (vectors is null)
        {
            Console.WriteLine("// test04.conf not found above the working directory: the Akka benchmark parses hocon.conf instead");
        }
    }

    // BenchmarkDotNet runs the benchmarks from its own build folder, so the source file's path
    // (fixed at compile time) is the reliable way back to the repository and its vectors.
    private static string? FindUp(string relative, [CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile) ?? ".", Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse of the same tree")]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("mesh").GetPropertyCount();
    }

    [Benchmark(Description = "Parse + resolve hocon.conf")]
    public int ParseHoconConf() =>
        HoconLoader.Resolve(HoconLoader.ParseString(_hocon, "hocon.conf"), null).Count;

    [Benchmark(Description = "Parse hocon.conf + bind MeshSettings")]
    public MeshSettings ParseAndBindMeshSettings() =>
        MeshSettings.From(new ConfigurationBuilder().AddHoconString(_hocon, "hocon.conf", _ => null).Build());

    [Benchmark(Description = "MeshConfiguration.Build + bind (all layers)")]
    public MeshSettings BuildAllLayersAndBind() =>
        MeshSettings.From(MeshConfiguration.Build("lab", new Dictionary<string, string>(), ["--mesh.link.port=0"]));

    [Benchmark(Description = "Parse + resolve Akka reference.conf (test04)")]
    public int ParseAkkaReference() =>
        HoconLoader.Resolve(HoconLoader.ParseString(_akkaReference, "test04.conf"), null).Count;

    private static string ToJson(HoconObject root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, root);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj.Fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, child);
                }

                writer.WriteEndObject();
                break;
            case HoconArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case HoconScalar { Kind: HoconScalarKind.Number } number:
                writer.WriteRawValue(number.Text);
                break;
            case HoconScalar { Kind: HoconScalarKind.Boolean } boolean:
                writer.WriteBooleanValue(boolean.Text == "true");
                break;
            case HoconScalar { Kind: HoconScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case HoconScalar text:
                writer.WriteStringValue(text.Text);
                break;
        }
    }
}
