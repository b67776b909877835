namespace MeshNode.Testing;

/// <summary>Where tests find the repository and the shared conformance vectors.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The repository root: the folder that holds MeshNode.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The public conformance data, kept beside the repository as ../shared/vectors.</summary>
    public static string Vectors => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "vectors"));

    /// <summary>A file under ../shared/vectors; fails loudly when the vectors are missing.</summary>
    public static string Vector(params string[] parts)
    {
        var path = Path.Combine([Vectors, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException(
                $"Conformance vector '{path}' is missing: tests expect ../shared/vectors beside the repository.", path);
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        // Baked in at build time, so builds with their own ArtifactsPath still find the sources.
        var baked = typeof(TestPaths).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "MeshNode.RepoRoot")?.Value;
        if (baked is not null && File.Exists(Path.Combine(baked, "MeshNode.sln")))
        {
            return Path.GetFullPath(baked);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MeshNode.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MeshNode.sln above {AppContext.BaseDirectory}.");
    }
}
