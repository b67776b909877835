using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;

namespace MeshNode.Tui.Terminal;

/// <summary>
/// The real terminal on System.Console. Full screen means the alternate screen buffer with the
/// cursor hidden and auto-wrap off; everything is restored by <see cref="LeaveFullScreen"/>, which the
/// UI calls on every exit path, and again at process exit as a last resort. Keys are read by one
/// dedicated thread blocking in <see cref="Console.ReadKey(bool)"/> (no polling); resizes arrive by
/// SIGWINCH. Each frame is one write of rows placed by absolute cursor moves.
/// </summary>
public sealed class ConsoleTerminal : ITerminal, IDisposable
{
    // Keys waiting for the loop. A paste larger than this makes the reader thread wait, which
    // leaves the rest in the terminal's own buffer: back-pressure instead of unbounded memory.
    private const int KeyBuffer = 1024;

    private readonly Channel<TerminalInput> _input = Channel.CreateBounded<TerminalInput>(
        new BoundedChannelOptions(KeyBuffer) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    private readonly Stream _output;
    private readonly Lock _gate = new();
    private PosixSignalRegistration? _resize;
    private Thread? _reader;
    private bool _fullScreen;
    private TerminalSize _lastFrame;

    /// <summary>Creates the terminal over the process console.</summary>
    /// <param name="color">Whether frames may carry colour (see <see cref="TerminalSupport.ColorAllowed"/>).</param>
    public ConsoleTerminal(bool color)
    {
        Color = color;
        _output = Console.OpenStandardOutput();
    }

    /// <inheritdoc />
    public bool Color { get; }

    /// <inheritdoc />
    public TerminalSize Size
    {
        get
        {
            try
            {
                return new TerminalSize(Math.Max(1, Console.WindowWidth), Math.Max(1, Console.WindowHeight));
            }
            catch (IOException)
            {
                // No size known (the terminal went away): the classic default keeps rendering sane.
                return new TerminalSize(80, 24);
            }
        }
    }

    /// <inheritdoc />
    public ChannelReader<TerminalInput> Input => _input.Reader;

    /// <inheritdoc />
    public void EnterFullScreen()
    {
        lock (_gate)
        {
            if (_fullScreen)
            {
                return;
            }

            _fullScreen = true;
            _lastFrame = default;
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            Write(AnsiSequences.AlternateScreenOn + AnsiSequences.CursorHide + AnsiSequences.AutoWrapOff + AnsiSequences.ClearScreen + AnsiSequences.CursorHome);
        }

        // Windows has no SIGWINCH: there the size check at every redraw still adapts the frame.
        if (!OperatingSystem.IsWindows())
        {
            _resize ??= PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => _input.Writer.TryWrite(new TerminalInput.Resized()));
        }

        if (_reader is null)
        {
            _reader = new Thread(ReadKeys) { IsBackground = true, Name = "meshnode-tui-keys" };
            _reader.Start();
        }
    }

    /// <inheritdoc />
    public void LeaveFullScreen()
    {
        lock (_gate)
        {
            if (!_fullScreen)
            {
                return;
            }

            _fullScreen = false;
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            try
            {
                Write(AnsiSequences.ResetStyle + AnsiSequences.AutoWrapOn + AnsiSequences.CursorShow + AnsiSequences.AlternateScreenOff);
            }
            catch (IOException)
            {
                // The terminal is gone; there is nothing left to restore.
            }
        }

        _resize?.Dispose();
        _resize = null;
    }

    /// <inheritdoc />
    public void WriteFrame(string frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var size = Size;
        var text = FrameSequence.Compose(frame, size, clear: size != _lastFrame);
        _lastFrame = size;
        lock (_gate)
        {
            if (_fullScreen)
            {
                Write(text);
            }
        }
    }

    /// <summary>Restores the screen and stops listening for resizes.</summary>
    public void Dispose()
    {
        LeaveFullScreen();
        _input.Writer.TryComplete();
    }

    private void Write(string text)
    {
        // One write per frame: the bytes go to the terminal together, so it never shows half a frame.
        var bytes = Encoding.UTF8.GetBytes(text);
        _output.Write(bytes);
        _output.Flush();
    }

    private void OnProcessExit(object? sender, EventArgs e) => LeaveFullScreen();

    private void ReadKeys()
    {
        var writer = _input.Writer;
        while (true)
        {
            ConsoleKeyInfo key;
            try
            {
                key = Console.ReadKey(intercept: true);
            }
            catch (InvalidOperationException)
            {
                // Input is not a terminal any more (closed or redirected): no more keys.
                writer.TryComplete();
                return;
            }
            catch (IOException)
            {
                writer.TryComplete();
                return;
            }

            var item = new TerminalInput.KeyPressed(key);
            while (!writer.TryWrite(item))
            {
                // Blocking is right here: this thread exists only to wait for keys.
                if (!writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult())
                {
                    return;
                }
            }
        }
    }
}
