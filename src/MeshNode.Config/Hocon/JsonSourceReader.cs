using System.Text;
using System.Text.Json;

namespace MeshNode.Config.Hocon;

/// <summary>
/// Reads a <c>.json</c> source strictly as JSON (System.Text.Json's reader) into the HOCON tree,
/// keeping line and column of every value. Duplicate keys merge as in HOCON.
/// </summary>
internal sealed class JsonSourceReader
{
    private readonly string _source;
    private readonly byte[] _bytes;
    private readonly List<int> _lineStarts = [0];

    private JsonSourceReader(string text, string source)
    {
        _source = source;
        _bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < _bytes.Length; i++)
        {
            if (_bytes[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public static HoconObject Parse(string text, string source)
    {
        var reader = new JsonSourceReader(text, source);
        return reader.ParseDocument();
    }

    private HoconObject ParseDocument()
    {
        var json = new Utf8JsonReader(_bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = HoconLimits.MaxNestingDepth,
        });
        try
        {
            if (!json.Read())
            {
                throw new ConfigurationException(ConfigurationErrorReason.Syntax, "empty JSON document: expected an object", _source, 1, 1);
            }

            if (json.TokenType != JsonTokenType.StartObject)
            {
                var (line, column) = Position(json.TokenStartIndex);
                throw new ConfigurationException(ConfigurationErrorReason.Syntax, $"a configuration document must be an object: expected '{{', got {json.TokenType}", _source, line, column);
            }

            var root = (HoconObject)ReadValue(ref json);
            if (json.Read())
            {
                var (line, column) = Position(json.TokenStartIndex);
                throw new ConfigurationException(ConfigurationErrorReason.Syntax, "unexpected data after the root object: expected end of input", _source, line, column);
            }

            return root;
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(
                ConfigurationErrorReason.Syntax,
                "invalid JSON: " + e.Message,
                _source,
                (int)(e.LineNumber ?? 0) + 1,
                (int)(e.BytePositionInLine ?? 0) + 1,
                inner: e);
        }
    }

    private (int Line, int Column) Position(long offset)
    {
        var index = _lineStarts.BinarySearch((int)offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, (int)offset - _lineStarts[index] + 1);
    }

    private HoconValue ReadValue(ref Utf8JsonReader json)
    {
        var (line, column) = Position(json.TokenStartIndex);
        var origin = new HoconOrigin(_source, line, column);
        switch (json.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new HoconObject(origin);
                while (json.Read() && json.TokenType != JsonTokenType.EndObject)
                {
                    var key = json.GetString()!;
                    json.Read();
                    var value = ReadValue(ref json);
                    obj.Set(key, HoconMerger.Merge(obj.Get(key), value));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new HoconArray(origin);
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(ReadValue(ref json));
                }

                return array;
            case JsonTokenType.String:
                return HoconScalar.String(origin, json.GetString()!);
            case JsonTokenType.Number:
                return new HoconScalar(origin, HoconScalarKind.Number, Encoding.UTF8.GetString(json.ValueSpan));
            case JsonTokenType.True:
                return new HoconScalar(origin, HoconScalarKind.Boolean, "true");
            case JsonTokenType.False:
                return new HoconScalar(origin, HoconScalarKind.Boolean, "false");
            default:
                return HoconScalar.Null(origin);
        }
    }
}
