using System.Text;

namespace MeshNode.Cli.Headless;

/// <summary>
/// Reads lines from standard input without letting one endless line grow memory: a line longer
/// than the limit is read to its end, discarded, and returned as an over-long marker.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLength;
    private readonly char[] _buffer = new char[4096];
    private int _position;
    private int _count;

    /// <summary>Creates a reader.</summary>
    /// <param name="reader">The input.</param>
    /// <param name="maxLength">Longest line kept, in characters.</param>
    public BoundedLineReader(TextReader reader, int maxLength)
    {
        _reader = reader;
        _maxLength = maxLength;
    }

    /// <summary>
    /// Reads the next line without its line break. Null at end of input. An over-long line comes
    /// back as a string of <c>maxLength + 1</c> characters (its start), which the parser refuses.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for input.</param>
    /// <returns>The line, or null at end of input.</returns>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var sawAny = false;
        var lastWasReturn = false;
        long total = 0;
        while (true)
        {
            if (_position == _count)
            {
                _count = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_count == 0)
                {
                    return sawAny ? Finish(line, total, lastWasReturn) : null;
                }
            }

            sawAny = true;
            while (_position < _count)
            {
                var c = _buffer[_position++];
                if (c == '\n')
                {
                    return Finish(line, total, lastWasReturn);
                }

                total++;
                lastWasReturn = c == '\r';

                // Keep one character beyond the limit so the parser can tell the line was too long.
                if (line.Length <= _maxLength)
                {
                    line.Append(c);
                }
            }
        }
    }

    private static string Finish(StringBuilder line, long total, bool lastWasReturn)
    {
        // A CRLF line's '\r' is dropped only when the whole line was kept: a truncated line keeps
        // its limit + 1 characters, so the parser still refuses it as over-long.
        if (lastWasReturn && total == line.Length)
        {
            line.Length--;
        }

        return line.ToString();
    }
}
