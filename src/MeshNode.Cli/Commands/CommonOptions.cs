using System.CommandLine;

namespace MeshNode.Cli.Commands;

/// <summary>Options shared by several commands, created fresh per command (an option belongs to one parent).</summary>
internal static class CommonOptions
{
    /// <summary>The <c>--config FILE</c> option: a HOCON file or a shipped profile name.</summary>
    /// <returns>A new option.</returns>
    public static Option<string?> Config() => new("--config")
    {
        Description = "HOCON configuration file, or a shipped profile (hotspot, lab, private).",
        HelpName = "FILE",
    };

    /// <summary>The <c>--profile DIR</c> option: the folder holding the identity and store.</summary>
    /// <returns>A new option.</returns>
    public static Option<string?> Profile() => new("--profile")
    {
        Description = "Profile folder (identity, store, downloads), or a bare name for a folder under the user's data folder.",
        HelpName = "DIR",
    };
}
