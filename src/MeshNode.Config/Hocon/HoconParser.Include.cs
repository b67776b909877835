namespace MeshNode.Config.Hocon;

/// <summary>Include statements (HOCON.md, include syntax): the argument forms and merging the included object in place.</summary>
internal sealed partial class HoconParser
{
    private static readonly string[] IncludeForms =
        ["file(", "url(", "classpath(", "required(", "required(file(", "required(url(", "required(classpath("];

    private void ParseInclude(HoconObject target, HoconToken includeToken)
    {
        if (_arrayDepth > 0)
        {
            // Same limitation as the reference implementation (lightbend/config issue #160).
            throw new ConfigurationException(
                ConfigurationErrorReason.Include,
                "include is not allowed in an object inside an array",
                _tokens.Source,
                includeToken.Line,
                includeToken.Column);
        }

        var wrapper = string.Empty;
        HoconToken token;
        while (true)
        {
            token = Next();
            if (token.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
            {
                continue;
            }

            if (token.Kind == HoconTokenKind.QuotedString)
            {
                break;
            }

            if (token.Kind == HoconTokenKind.Unquoted && IncludeForms.Any(f => f.StartsWith(wrapper + token.Text, StringComparison.Ordinal)))
            {
                wrapper += token.Text;
                continue;
            }

            throw Error(token, $"unexpected {token.Describe()} after include: expected a quoted file name, file(\"...\") or required(...)");
        }

        var kind = wrapper switch
        {
            "" or "required(" => HoconIncludeKind.Heuristic,
            "file(" or "required(file(" => HoconIncludeKind.File,
            "url(" or "required(url(" => HoconIncludeKind.Url,
            "classpath(" or "required(classpath(" => HoconIncludeKind.Classpath,
            _ => throw Error(includeToken, $"unknown include form '{wrapper}': expected \"name\", file(\"name\"), url(...), classpath(...) or required(...)"),
        };
        var required = wrapper.StartsWith("required(", StringComparison.Ordinal);
        var open = wrapper.Count(c => c == '(');
        while (open > 0)
        {
            var close = Next();
            if (close.Kind == HoconTokenKind.Whitespace)
            {
                continue;
            }

            if (close.Kind != HoconTokenKind.Unquoted || close.Text.Any(c => c != ')') || close.Text.Length > open)
            {
                throw Error(close, $"unexpected {close.Describe()} in include: expected ')'");
            }

            open -= close.Text.Length;
        }

        var included = _include.Include(token.Text, kind, required, OriginOf(token), _path, _nesting);
        if (included is not null)
        {
            foreach (var (key, value) in included.Fields)
            {
                target.Set(key, HoconMerger.Merge(target.Get(key), value));
            }
        }
    }
}
