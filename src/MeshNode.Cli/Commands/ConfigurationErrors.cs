using MeshNode.Config;

namespace MeshNode.Cli.Commands;

/// <summary>Turns configuration failures into one-line user errors naming the key.</summary>
internal static class ConfigurationErrors
{
    /// <summary>Runs <paramref name="action"/>, rethrowing a <see cref="ConfigurationException"/> as a <see cref="CliUserException"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="action">Builds or binds configuration.</param>
    /// <returns>The action's result.</returns>
    public static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ConfigurationException ex)
        {
            throw new CliUserException("configuration error: " + OneLine(ex.Message), CliApplication.ExitFailure, ex);
        }
    }

    /// <summary>Collapses a message onto one line.</summary>
    /// <param name="message">Any message.</param>
    /// <returns>The message with line breaks replaced by spaces.</returns>
    public static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
