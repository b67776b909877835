using System.Text.RegularExpressions;
using System.Threading.Channels;
using MeshNode.Tui.Terminal;

namespace MeshNode.Tui.Tests.Terminal;

/// <summary>A terminal in memory: the test types keys and resizes, and reads back every frame the UI wrote.</summary>
internal sealed partial class FakeTerminal : ITerminal
{
    private readonly Channel<TerminalInput> _input = Channel.CreateUnbounded<TerminalInput>();
    private readonly Lock _gate = new();
    private readonly List<string> _frames = [];
    private TaskCompletionSource _frameWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TerminalSize _size;

    public FakeTerminal(int width = 100, int height = 30, bool color = false)
    {
        _size = new TerminalSize(width, height);
        Color = color;
    }

    public TerminalSize Size
    {
        get
        {
            lock (_gate)
            {
                return _size;
            }
        }
    }

    public bool Color { get; }

    public ChannelReader<TerminalInput> Input => _input.Reader;

    public bool FullScreen { get; private set; }

    public int Entered { get; private set; }

    public int Left { get; private set; }

    /// <summary>When set, <see cref="WriteFrame"/> throws it (a terminal that went away).</summary>
    public Exception? FailWrites { get; set; }

    public int FrameCount
    {
        get
        {
            lock (_gate)
            {
                return _frames.Count;
            }
        }
    }

    public string LastFrame
    {
        get
        {
            lock (_gate)
            {
                return _frames.Count == 0 ? string.Empty : _frames[^1];
            }
        }
    }

    public void EnterFullScreen()
    {
        FullScreen = true;
        Entered++;
    }

    public void LeaveFullScreen()
    {
        if (FullScreen)
        {
            Left++;
        }

        FullScreen = false;
    }

    public void WriteFrame(string frame)
    {
        if (FailWrites is { } failure)
        {
            throw failure;
        }

        TaskCompletionSource written;
        lock (_gate)
        {
            // The UI writes styles (bold, inverse, hyperlinks) even without colour; tests read the text.
            _frames.Add(Escapes().Replace(frame, string.Empty));
            written = _frameWritten;
            _frameWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        written.TrySetResult();
    }

    public void Press(ConsoleKey key, char c = '\0', bool control = false) =>
        _input.Writer.TryWrite(new TerminalInput.KeyPressed(new ConsoleKeyInfo(c, key, shift: false, alt: false, control: control)));

    /// <summary>Types each character, then Enter.</summary>
    public void TypeLine(string text)
    {
        foreach (var c in text)
        {
            var key = char.IsAsciiLetter(c) ? (ConsoleKey)char.ToUpperInvariant(c) : c == ' ' ? ConsoleKey.Spacebar : char.IsAsciiDigit(c) ? ConsoleKey.D0 + (c - '0') : ConsoleKey.Oem2;
            _input.Writer.TryWrite(new TerminalInput.KeyPressed(new ConsoleKeyInfo(c, key, char.IsAsciiLetterUpper(c), alt: false, control: false)));
        }

        Press(ConsoleKey.Enter, '\r');
    }

    public void Resize(int width, int height)
    {
        lock (_gate)
        {
            _size = new TerminalSize(width, height);
        }

        _input.Writer.TryWrite(new TerminalInput.Resized());
    }

    /// <summary>Waits until a frame written so far or later satisfies <paramref name="predicate"/>.</summary>
    public async Task<string> WaitForFrameAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                var match = _frames.LastOrDefault(predicate);
                if (match is not null)
                {
                    return match;
                }

                next = _frameWritten.Task;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no frame showed {what} within {timeout.TotalSeconds} s; last frame:\n{LastFrame}");
            }
        }
    }

    /// <summary>Completes when the next frame is written.</summary>
    public Task NextFrameAsync()
    {
        lock (_gate)
        {
            return _frameWritten.Task;
        }
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)")]
    private static partial Regex Escapes();
}
