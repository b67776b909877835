using MeshNode.Config.Hocon;

namespace MeshNode.Config.Tests.Hocon;

/// <summary>
/// The equivNN conformance suite (../shared/vectors/README.md, hocon): every input in a folder
/// resolves, against its own root and without environment fallback, to the tree of original.json.
/// </summary>
public sealed class EquivalenceTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(HoconTestHelpers.Resources, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name != "original.json" && (name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal)))
                {
                    data.Add(Path.GetFileName(folder), name);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Suite_has_the_five_folders_and_fifteen_inputs_upstream_expects()
    {
        var inputs = Inputs();
        Assert.Equal(15, inputs.Count());
        Assert.Equal(5, inputs.Select(row => (string)row[0]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_resolves_to_the_same_tree_as_original_json(string folder, string input)
    {
        var expected = Canonical(HoconTestHelpers.Resource(folder, "original.json"));
        var actual = Canonical(HoconTestHelpers.Resource(folder, input));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Json_input_gives_the_same_tree_when_parsed_as_hocon(string folder, string input)
    {
        var path = HoconTestHelpers.Resource(folder, input);
        var json = Canonical(path);
        var asHocon = HoconTestHelpers.Canonical(HoconLoader.Resolve(
            HoconLoader.ParseString(File.ReadAllText(path), path, Path.GetDirectoryName(path)), environment: null));
        Assert.Equal(json, asHocon);
    }

    [Theory]
    [InlineData("equiv01")]
    [InlineData("equiv02")]
    [InlineData("equiv03")]
    [InlineData("equiv04")]
    [InlineData("equiv05")]
    public void Original_json_also_parses_as_hocon_to_the_same_tree(string folder)
    {
        var path = HoconTestHelpers.Resource(folder, "original.json");
        var asHocon = HoconTestHelpers.Canonical(HoconLoader.Resolve(HoconLoader.ParseString(File.ReadAllText(path), path), null));
        Assert.Equal(Canonical(path), asHocon);
    }

    private static string Canonical(string path) =>
        HoconTestHelpers.Canonical(HoconLoader.Resolve(HoconLoader.ParseFile(path, required: true), environment: null));
}
