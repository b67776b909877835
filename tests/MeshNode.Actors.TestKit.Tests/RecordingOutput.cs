using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace MeshNode.Actors.TestKit.Tests;

/// <summary>An output helper that records lines (and forwards them to the real one).</summary>
internal sealed class RecordingOutput(ITestOutputHelper inner) : ITestOutputHelper
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void WriteLine(string message)
    {
        _lines.Enqueue(message);
        inner.WriteLine(message);
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
