using System.Text.Json;
using MeshNode.Testing;

namespace MeshNode.Protocol.Tests.Wycheproof;

/// <summary>One Wycheproof vector file: its groups and tests, read from ../shared/vectors/wycheproof.</summary>
internal sealed class WycheproofFile
{
    private static readonly Dictionary<string, WycheproofFile> Cache = [];

    private WycheproofFile(JsonElement root)
    {
        Root = root;
        Groups = root.GetProperty("testGroups").EnumerateArray().ToList();
    }

    public JsonElement Root { get; }

    public IReadOnlyList<JsonElement> Groups { get; }

    public int DeclaredTests => Root.GetProperty("numberOfTests").GetInt32();

    public IEnumerable<JsonElement> AllTests => Groups.SelectMany(g => g.GetProperty("tests").EnumerateArray());

    public static WycheproofFile Load(string relativePath)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(relativePath, out var file))
            {
                var parts = relativePath.Split('/');
                using var document = JsonDocument.Parse(File.ReadAllText(TestPaths.Vector(["wycheproof", .. parts])));
                file = new WycheproofFile(document.RootElement.Clone());
                Cache[relativePath] = file;
            }

            return file;
        }
    }

    /// <summary>Group indexes as theory rows, so each group is reported on its own.</summary>
    public static TheoryData<int> GroupRows(string relativePath)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Load(relativePath).Groups.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>Counts of results ("valid", "acceptable", "invalid") over all tests.</summary>
    public (int Valid, int Acceptable, int Invalid) ResultCounts()
    {
        var results = AllTests.Select(t => t.GetProperty("result").GetString()).ToList();
        return (results.Count(r => r == "valid"), results.Count(r => r == "acceptable"), results.Count(r => r == "invalid"));
    }

    public static byte[] Bytes(JsonElement test, string property) =>
        Convert.FromHexString(test.GetProperty(property).GetString()!);

    public static string Result(JsonElement test) => test.GetProperty("result").GetString()!;

    public static int Id(JsonElement test) => test.GetProperty("tcId").GetInt32();

    public static IEnumerable<JsonElement> Tests(JsonElement group) => group.GetProperty("tests").EnumerateArray();
}
