using System.Globalization;
using System.Text;

namespace MeshNode.Config.Hocon;

/// <summary>
/// Single-pass tokenizer over a string (no regular expressions, no backtracking beyond one number).
/// Every error is a <see cref="ConfigurationException"/> with the position of the offending character.
/// </summary>
internal sealed class HoconTokenizer
{
    private readonly string _text;
    private readonly string _source;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    public HoconTokenizer(string text, string source)
    {
        if (text.Length > HoconLimits.MaxInputLength)
        {
            throw new ConfigurationException(
                ConfigurationErrorReason.LimitExceeded,
                $"input is {text.Length} characters, more than the limit of {HoconLimits.MaxInputLength}",
                source);
        }

        _text = text;
        _source = source;
    }

    public string Source => _source;

    public ConfigurationException Error(int line, int column, string detail) =>
        new(ConfigurationErrorReason.Syntax, detail, _source, line, column);

    public HoconToken Next()
    {
        SkipComment();
        if (_pos >= _text.Length)
        {
            return new HoconToken(HoconTokenKind.End, string.Empty, _line, _column);
        }

        int line = _line, column = _column;
        var c = _text[_pos];
        if (c == '\n')
        {
            Advance(1);
            return new HoconToken(HoconTokenKind.Newline, "\n", line, column);
        }

        if (IsWhitespace(c))
        {
            var start = _pos;
            while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
            {
                Advance(1);
            }

            return new HoconToken(HoconTokenKind.Whitespace, _text[start.._pos], line, column);
        }

        switch (c)
        {
            case '{': Advance(1); return new HoconToken(HoconTokenKind.OpenBrace, "{", line, column);
            case '}': Advance(1); return new HoconToken(HoconTokenKind.CloseBrace, "}", line, column);
            case '[': Advance(1); return new HoconToken(HoconTokenKind.OpenBracket, "[", line, column);
            case ']': Advance(1); return new HoconToken(HoconTokenKind.CloseBracket, "]", line, column);
            case ',': Advance(1); return new HoconToken(HoconTokenKind.Comma, ",", line, column);
            case ':': Advance(1); return new HoconToken(HoconTokenKind.Colon, ":", line, column);
            case '=': Advance(1); return new HoconToken(HoconTokenKind.Equals, "=", line, column);
            case '"': return ReadQuoted(line, column);
            case '+':
                if (Peek(1) == '=')
                {
                    Advance(2);
                    return new HoconToken(HoconTokenKind.PlusEquals, "+=", line, column);
                }

                throw Error(line, column, "'+' is reserved: expected '+=' or a quoted string");
            case '$':
                if (Peek(1) != '{')
                {
                    throw Error(line, column, "'$' is reserved: expected '${' to start a substitution, or quote the string");
                }

                if (Peek(2) == '?')
                {
                    Advance(3);
                    return new HoconToken(HoconTokenKind.SubstitutionStart, "${?", line, column, Optional: true);
                }

                Advance(2);
                return new HoconToken(HoconTokenKind.SubstitutionStart, "${", line, column);
        }

        if (c == '-' || (c >= '0' && c <= '9'))
        {
            var numberLength = NumberLength();
            if (numberLength > 0)
            {
                var raw = _text.Substring(_pos, numberLength);
                Advance(numberLength);
                return new HoconToken(HoconTokenKind.Number, raw, line, column);
            }
        }

        if (IsForbidden(c))
        {
            throw Error(line, column, $"'{c}' is reserved in unquoted text: expected a value, or quote the string");
        }

        foreach (var (word, kind) in Keywords)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
            {
                Advance(word.Length);
                return new HoconToken(kind, word, line, column);
            }
        }

        var begin = _pos;
        while (_pos < _text.Length)
        {
            var u = _text[_pos];
            if (IsForbidden(u) || IsWhitespace(u) || (u == '/' && Peek(1) == '/'))
            {
                break;
            }

            Advance(1);
        }

        return new HoconToken(HoconTokenKind.Unquoted, _text[begin.._pos], line, column);
    }

    private static readonly (string Word, HoconTokenKind Kind)[] Keywords =
    [
        ("true", HoconTokenKind.True),
        ("false", HoconTokenKind.False),
        ("null", HoconTokenKind.Null),
    ];

    /// <summary>HOCON.md, whitespace: Unicode separators, BOM, and the ASCII control whitespace.</summary>
    public static bool IsWhitespace(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u001C' or '\u001D' or '\u001E' or '\u001F' or '\uFEFF' => true,
        < '\u0080' => false,
        _ => char.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator,
    };

    private static bool IsForbidden(char c) => c is '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+'
        or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void Advance(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }

    private void SkipComment()
    {
        if (_pos >= _text.Length)
        {
            return;
        }

        var c = _text[_pos];
        if (c == '#' || (c == '/' && Peek(1) == '/'))
        {
            var end = _text.IndexOf('\n', _pos);
            var stop = end < 0 ? _text.Length : end;
            _column += stop - _pos;
            _pos = stop;
        }
    }

    /// <summary>Length of the JSON number at the current position, 0 when there is none (a lone '-').</summary>
    private int NumberLength()
    {
        var i = _pos;
        if (i < _text.Length && _text[i] == '-')
        {
            i++;
        }

        var digits = i;
        while (i < _text.Length && char.IsAsciiDigit(_text[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return 0;
        }

        if (i + 1 < _text.Length && _text[i] == '.' && char.IsAsciiDigit(_text[i + 1]))
        {
            i++;
            while (i < _text.Length && char.IsAsciiDigit(_text[i]))
            {
                i++;
            }
        }

        if (i < _text.Length && (_text[i] == 'e' || _text[i] == 'E'))
        {
            var j = i + 1;
            if (j < _text.Length && (_text[j] == '+' || _text[j] == '-'))
            {
                j++;
            }

            if (j < _text.Length && char.IsAsciiDigit(_text[j]))
            {
                while (j < _text.Length && char.IsAsciiDigit(_text[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        return i - _pos;
    }

    private HoconToken ReadQuoted(int line, int column)
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            return ReadTripleQuoted(line, column);
        }

        Advance(1);
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(line, column, "unterminated quoted string: expected a closing '\"'");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                Advance(1);
                return new HoconToken(HoconTokenKind.QuotedString, sb.ToString(), line, column);
            }

            if (c == '\n')
            {
                throw Error(line, column, "unterminated quoted string: newline before the closing '\"' (use \"\"\" for multi-line strings)");
            }

            if (c == '\\')
            {
                int escLine = _line, escColumn = _column;
                Advance(1);
                if (_pos >= _text.Length)
                {
                    throw Error(line, column, "unterminated quoted string: expected a closing '\"'");
                }

                var e = _text[_pos];
                Advance(1);
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length
                            || !ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error(escLine, escColumn, "bad \\u escape: expected four hexadecimal digits");
                        }

                        Advance(4);
                        sb.Append((char)code);
                        break;
                    default:
                        throw Error(escLine, escColumn, $"bad escape '\\{e}': expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
                }

                continue;
            }

            sb.Append(c);
            Advance(1);
        }
    }

    /// <summary>HOCON.md, multi-line strings: no escapes; a run of three or more quotes ends it, extra quotes belong to the string.</summary>
    private HoconToken ReadTripleQuoted(int line, int column)
    {
        Advance(3);
        var start = _pos;
        var q = _text.IndexOf("\"\"\"", _pos, StringComparison.Ordinal);
        if (q < 0)
        {
            throw Error(line, column, "unterminated triple-quoted string: expected a closing '\"\"\"'");
        }

        var run = q;
        while (run < _text.Length && _text[run] == '"')
        {
            run++;
        }

        var value = _text[start..(run - 3)];
        Advance(run - _pos);
        return new HoconToken(HoconTokenKind.QuotedString, value, line, column);
    }
}
