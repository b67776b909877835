using System.CommandLine;
using System.Text.Json;
using MeshNode.Config;

namespace MeshNode.Cli.Commands;

/// <summary>
/// <c>meshnode config</c>: prints the merged configuration as a JSON tree whose leaves are
/// <c>{"value": ..., "source": ...}</c>, the source naming the default's file and line, the
/// environment variable or the flag that set it. Validates the result like <c>run</c> would.
/// </summary>
internal static class ConfigCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="console">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var options = new RunOptions();
        var command = new Command("config", "Print the effective configuration as JSON, each value with where it came from. Takes run's configuration flags and overrides such as --mesh.link.port=9999.");
        options.AddTo(command, configurationOnly: true);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            CliConfiguration.CheckUnmatched(parse.UnmatchedTokens);
            var cli = options.ToConfiguration(parse, console.Environment);
            var root = ConfigurationErrors.Guard(() =>
            {
                var built = cli.Build(parse.GetValue(options.Config), console.Environment);
                MeshSettings.From(built);
                return built;
            });
            var settings = ConfigurationProvenance.Explain(root);
            console.Out.WriteLine(ToJson(settings, cli.SourceOf));
            console.Out.Flush();
            return CliApplication.ExitOk;
        });
        return command;
    }

    /// <summary>Renders settings as an indented JSON tree keyed by configuration path segments.</summary>
    /// <param name="settings">The settings, in key order.</param>
    /// <param name="sourceOf">Describes a setting's source.</param>
    /// <returns>The JSON text.</returns>
    internal static string ToJson(IReadOnlyList<ConfigurationSetting> settings, Func<ConfigurationSetting, string> sourceOf)
    {
        var tree = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var parts = setting.Key.Split(':');
            var node = tree;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!node.TryGetValue(parts[i], out var child) || child is not SortedDictionary<string, object> next)
                {
                    next = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    node[parts[i]] = next;
                }

                node = next;
            }

            if (!node.ContainsKey(parts[^1]))
            {
                node[parts[^1]] = setting with { Source = sourceOf(setting) };
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, tree);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, SortedDictionary<string, object> node)
    {
        writer.WriteStartObject();
        foreach (var (name, child) in node)
        {
            writer.WritePropertyName(name);
            if (child is ConfigurationSetting setting)
            {
                writer.WriteStartObject();
                if (setting.Value is null)
                {
                    writer.WriteNull("value");
                }
                else
                {
                    writer.WriteString("value", setting.Value);
                }

                writer.WriteString("source", setting.Source);
                writer.WriteEndObject();
            }
            else
            {
                Write(writer, (SortedDictionary<string, object>)child);
            }
        }

        writer.WriteEndObject();
    }
}
