using System.Text;

namespace MeshNode.Config.Hocon;

/// <summary>
/// Builds a path expression (a key or the inside of <c>${...}</c>) from tokens: dots outside
/// quotes split elements, inner whitespace is kept, outer whitespace is dropped (HOCON.md, path expressions).
/// </summary>
internal sealed class HoconPathBuilder(HoconTokenizer tokenizer)
{
    private readonly List<string> _elements = [];
    private readonly StringBuilder _current = new();
    private bool _hasContent;
    private string? _pendingWhitespace;

    public bool IsEmpty => _elements.Count == 0 && !_hasContent;

    public void Add(HoconToken token)
    {
        switch (token.Kind)
        {
            case HoconTokenKind.Whitespace:
                if (_hasContent)
                {
                    _pendingWhitespace = (_pendingWhitespace ?? string.Empty) + token.Text;
                }

                break;
            case HoconTokenKind.QuotedString:
                FlushWhitespace();
                _current.Append(token.Text);
                _hasContent = true;
                break;
            default:
                FlushWhitespace();
                var column = token.Column;
                foreach (var c in token.Text)
                {
                    if (c == '.')
                    {
                        EndElement(token.Line, column);
                    }
                    else
                    {
                        _current.Append(c);
                        _hasContent = true;
                    }

                    column++;
                }

                break;
        }
    }

    public string[] Finish(int line, int column)
    {
        _pendingWhitespace = null;
        EndElement(line, column);
        return [.. _elements];
    }

    private void FlushWhitespace()
    {
        if (_pendingWhitespace is not null)
        {
            _current.Append(_pendingWhitespace);
            _pendingWhitespace = null;
        }
    }

    private void EndElement(int line, int column)
    {
        if (!_hasContent)
        {
            throw tokenizer.Error(line, column, "empty path element: a path may not start or end with '.' or contain '..'; quote an empty key as \"\"");
        }

        _elements.Add(_current.ToString());
        _current.Clear();
        _hasContent = false;
    }
}
