using System.CommandLine;
using MeshNode.Config;

namespace MeshNode.Cli.Commands;

/// <summary>
/// <c>meshnode identity</c>: prints the node id and fingerprint of the profile's identity, creating
/// the identity (owner-only file) when the profile has none yet.
/// </summary>
internal static class IdentityCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var configOption = CommonOptions.Config();
        var profileOption = CommonOptions.Profile();
        var command = new Command("identity", "Print this node's id and fingerprint (creates the identity on first use).")
        {
            profileOption,
            configOption,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            CliConfiguration.CheckUnmatched(parse.UnmatchedTokens);
            var cli = new CliConfiguration();
            var profile = parse.GetValue(profileOption);
            if (profile is not null)
            {
                cli.Set("mesh.node.profile-dir", ProfilePaths.Resolve(profile), "--profile");
            }

            cli.AddRaw(parse.UnmatchedTokens);
            var settings = ConfigurationErrors.Guard(() => MeshSettings.From(cli.Build(parse.GetValue(configOption), console.Environment)));
            var path = Path.Combine(settings.Node.ProfileDirectory, ProfilePaths.IdentityFileName);
            using var identity = IdentityFiles.LoadOrCreate(path);
            console.Out.WriteLine($"node id:     {identity.Id}");
            console.Out.WriteLine($"fingerprint: {identity.Fingerprint}");
            console.Out.WriteLine($"file:        {path}");
            console.Out.Flush();
            return CliApplication.ExitOk;
        });
        return command;
    }
}
