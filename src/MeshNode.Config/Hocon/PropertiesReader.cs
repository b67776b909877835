using System.Globalization;
using System.Text;

namespace MeshNode.Config.Hocon;

/// <summary>
/// Reads Java <c>.properties</c> text (HOCON.md, Java properties mapping): keys split on every '.',
/// values are always strings, and an object wins over a string at the same path.
/// </summary>
internal static class PropertiesReader
{
    public static HoconObject Parse(string text, string source)
    {
        var root = new HoconObject(new HoconOrigin(source, 1, 1));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var logical = new StringBuilder(lines[i].TrimEnd('\r').TrimStart(' ', '\t', '\f'));
            if (logical.Length == 0 || logical[0] is '#' or '!')
            {
                continue;
            }

            // A line ending in an odd number of backslashes continues on the next line.
            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(lines[++i].TrimEnd('\r').TrimStart(' ', '\t', '\f'));
            }

            var (key, value) = Split(logical.ToString(), source, lineNumber);
            Set(root, key.Split('.'), HoconScalar.String(new HoconOrigin(source, lineNumber, 1), value));
        }

        return root;
    }

    private static bool EndsWithContinuation(StringBuilder line)
    {
        var count = 0;
        for (var j = line.Length - 1; j >= 0 && line[j] == '\\'; j--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static (string Key, string Value) Split(string line, string source, int lineNumber)
    {
        var key = new StringBuilder();
        var i = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '=' or ':' or ' ' or '\t' or '\f')
            {
                break;
            }

            if (c == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i, key, source, lineNumber);
                continue;
            }

            key.Append(c);
        }

        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        var value = new StringBuilder();
        for (; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i, value, source, lineNumber);
                continue;
            }

            value.Append(line[i]);
        }

        return (key.ToString(), value.ToString());
    }

    private static int Unescape(string line, int backslash, StringBuilder into, string source, int lineNumber)
    {
        var e = line[backslash + 1];
        switch (e)
        {
            case 't': into.Append('\t'); return backslash + 1;
            case 'n': into.Append('\n'); return backslash + 1;
            case 'r': into.Append('\r'); return backslash + 1;
            case 'f': into.Append('\f'); return backslash + 1;
            case 'u':
                if (backslash + 6 > line.Length
                    || !ushort.TryParse(line.AsSpan(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw new ConfigurationException(ConfigurationErrorReason.Syntax, "bad \\u escape: expected four hexadecimal digits", source, lineNumber, backslash + 1);
                }

                into.Append((char)code);
                return backslash + 5;
            default:
                into.Append(e);
                return backslash + 1;
        }
    }

    private static void Set(HoconObject root, string[] path, HoconScalar value)
    {
        var node = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (node.Get(path[i]) is not HoconObject child)
            {
                // The object wins over a string at the same path.
                child = new HoconObject(value.Origin);
                node.Set(path[i], child);
            }

            node = child;
        }

        var last = path[^1];
        if (node.Get(last) is not HoconObject)
        {
            node.Set(last, value);
        }
    }
}
