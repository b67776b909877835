using Microsoft.Extensions.Logging;

namespace MeshNode.Cli.Hosting;

/// <summary>
/// <c>--log-file</c>: appends one line per log entry. The program logs lifecycle and failures only;
/// chat text never reaches a logger.
/// </summary>
internal sealed class FileLoggerProvider : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    /// <summary>Opens (appends to) the log file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="time">Stamps the lines.</param>
    public FileLoggerProvider(string path, TimeProvider time)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        _time = time;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private void Append(string line)
    {
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var stamp = provider._time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            var line = $"{stamp} {logLevel} {category}: {formatter(state, exception)}";
            provider.Append(exception is null ? line : line + " (" + exception.GetType().Name + ")");
        }
    }
}
