using System.Text;

namespace MeshNode.Tui.Model;

/// <summary>
/// The input line: text with a cursor, editing keys, and a bounded history of submitted lines
/// recalled with Up/Down (the line being typed is kept while browsing and comes back below the
/// newest entry).
/// </summary>
internal sealed class InputLine
{
    private readonly StringBuilder _text = new();
    private readonly List<string> _history = [];
    private readonly int _historyLimit;
    private readonly int _maxLength;
    private int _browse = -1;
    private string _draft = string.Empty;

    /// <summary>Creates an empty line remembering at most <paramref name="historyLimit"/> submissions.</summary>
    public InputLine(int historyLimit, int maxLength)
    {
        _historyLimit = Math.Max(1, historyLimit);
        _maxLength = Math.Max(1, maxLength);
    }

    /// <summary>The text typed so far.</summary>
    public string Text => _text.ToString();

    /// <summary>Cursor position, 0 to <c>Text.Length</c>.</summary>
    public int Cursor { get; private set; }

    /// <summary>Submitted lines, oldest first.</summary>
    public IReadOnlyList<string> History => _history;

    /// <summary>Inserts a printable character at the cursor; false at the length limit or for a control character.</summary>
    public bool Insert(char c)
    {
        if (char.IsControl(c) || _text.Length >= _maxLength)
        {
            return false;
        }

        _text.Insert(Cursor++, c);
        return true;
    }

    /// <summary>Moves the cursor one left.</summary>
    public bool Left() => Move(Cursor - 1);

    /// <summary>Moves the cursor one right.</summary>
    public bool Right() => Move(Cursor + 1);

    /// <summary>Moves the cursor to the start.</summary>
    public bool Home() => Move(0);

    /// <summary>Moves the cursor to the end.</summary>
    public bool End() => Move(_text.Length);

    /// <summary>Deletes the character before the cursor.</summary>
    public bool Backspace()
    {
        if (Cursor == 0)
        {
            return false;
        }

        _text.Remove(--Cursor, 1);
        return true;
    }

    /// <summary>Deletes the character under the cursor.</summary>
    public bool Delete()
    {
        if (Cursor >= _text.Length)
        {
            return false;
        }

        _text.Remove(Cursor, 1);
        return true;
    }

    /// <summary>Clears the line (Ctrl+U).</summary>
    public bool Clear()
    {
        if (_text.Length == 0)
        {
            return false;
        }

        Set(string.Empty);
        return true;
    }

    /// <summary>Recalls the previous (older) history entry.</summary>
    public bool Older()
    {
        if (_history.Count == 0 || _browse == 0)
        {
            return false;
        }

        if (_browse < 0)
        {
            _draft = Text;
            _browse = _history.Count;
        }

        _browse--;
        Set(_history[_browse]);
        return true;
    }

    /// <summary>Recalls the next (newer) entry, then the line that was being typed.</summary>
    public bool Newer()
    {
        if (_browse < 0)
        {
            return false;
        }

        _browse++;
        if (_browse >= _history.Count)
        {
            _browse = -1;
            Set(_draft);
        }
        else
        {
            Set(_history[_browse]);
        }

        return true;
    }

    /// <summary>
    /// Takes the line for submission: null when it is blank (nothing happens), else the text, which
    /// joins the history (not twice in a row; the oldest forgotten past the limit) and clears the line.
    /// </summary>
    public string? Submit()
    {
        var line = Text;
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        if (_history.Count == 0 || _history[^1] != line)
        {
            _history.Add(line);
            if (_history.Count > _historyLimit)
            {
                _history.RemoveRange(0, _history.Count - _historyLimit);
            }
        }

        _browse = -1;
        _draft = string.Empty;
        Set(string.Empty);
        return line;
    }

    private bool Move(int position)
    {
        var next = Math.Clamp(position, 0, _text.Length);
        if (next == Cursor)
        {
            return false;
        }

        Cursor = next;
        return true;
    }

    private void Set(string text)
    {
        _text.Clear().Append(text.Length > _maxLength ? text[.._maxLength] : text);
        Cursor = _text.Length;
    }
}
