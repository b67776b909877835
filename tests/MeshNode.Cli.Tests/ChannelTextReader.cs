using System.Threading.Channels;

namespace MeshNode.Cli.Tests;

/// <summary>Standard input for in-process runs: the test writes lines, the program reads them as they come.</summary>
internal sealed class ChannelTextReader : TextReader
{
    private readonly Channel<string> _chunks = Channel.CreateUnbounded<string>();
    private string _current = string.Empty;
    private int _position;

    public void WriteLine(string line) => _chunks.Writer.TryWrite(line + "\n");

    public void EndInput() => _chunks.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        while (_position == _current.Length)
        {
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken))
            {
                return 0;
            }

            if (_chunks.Reader.TryRead(out var chunk))
            {
                _current = chunk;
                _position = 0;
            }
        }

        var count = Math.Min(buffer.Length, _current.Length - _position);
        _current.AsSpan(_position, count).CopyTo(buffer.Span);
        _position += count;
        return count;
    }
}
