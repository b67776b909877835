namespace MeshNode.Cli.Tests.Tui;

/// <summary>
/// A fact that runs the real program in tmux; skipped, with the reason shown in the results, where
/// tmux is not installed (CI installs it).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (TmuxSession.Executable is null)
        {
            Skip = "tmux is not installed (apt-get install tmux); the terminal UI end-to-end tests need it";
        }
    }
}
