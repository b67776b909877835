namespace MeshNode.Config.Hocon;

/// <summary>
/// Recursive-descent HOCON parser over <see cref="HoconTokenizer"/> with one token of lookahead.
/// Produces an unresolved tree: includes are read and merged in place, substitutions are kept.
/// Nesting is bounded by <see cref="HoconLimits.MaxNestingDepth"/> so no input overflows the stack.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly HoconTokenizer _tokens;
    private readonly HoconIncludeContext _include;
    private readonly List<string> _path = [];
    private HoconToken? _peeked;
    private int _nesting;
    private int _arrayDepth;

    private HoconParser(string text, string source, HoconIncludeContext include)
    {
        _tokens = new HoconTokenizer(text, source);
        _include = include;
        _nesting = include.Nesting;
    }

    public static HoconObject Parse(string text, string source, HoconIncludeContext include) =>
        new HoconParser(text, source, include).ParseDocument();

    private HoconOrigin OriginOf(HoconToken token) => new(_tokens.Source, token.Line, token.Column);

    private ConfigurationException Error(HoconToken at, string detail) => _tokens.Error(at.Line, at.Column, detail);

    private HoconToken Peek() => _peeked ??= _tokens.Next();

    private HoconToken Next()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            Next();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Next();
        }
    }

    private HoconObject ParseDocument()
    {
        SkipWhitespaceAndNewlines();
        var first = Peek();
        HoconObject root;
        if (first.Kind == HoconTokenKind.OpenBrace)
        {
            Next();
            root = ParseObjectBody(braced: true, OriginOf(first));
            SkipWhitespaceAndNewlines();
            var rest = Peek();
            if (rest.Kind != HoconTokenKind.End)
            {
                throw Error(rest, $"unexpected {rest.Describe()} after the root object: expected end of input");
            }
        }
        else if (first.Kind == HoconTokenKind.OpenBracket)
        {
            throw Error(first, "a configuration document must be an object: expected '{' or a key, got '['");
        }
        else
        {
            root = ParseObjectBody(braced: false, OriginOf(first));
        }

        return root;
    }

    private void EnterNesting(HoconToken at)
    {
        if (++_nesting > HoconLimits.MaxNestingDepth)
        {
            throw new ConfigurationException(
                ConfigurationErrorReason.LimitExceeded,
                $"objects and arrays nest deeper than {HoconLimits.MaxNestingDepth} levels",
                _tokens.Source,
                at.Line,
                at.Column);
        }
    }

    private HoconObject ParseObjectBody(bool braced, HoconOrigin origin)
    {
        var open = new HoconToken(HoconTokenKind.OpenBrace, "{", origin.Line, origin.Column);
        EnterNesting(open);
        var target = new HoconObject(origin);
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek();
            if (token.Kind == HoconTokenKind.End)
            {
                if (braced)
                {
                    throw Error(open, "unterminated object: expected '}' to close this '{' before the end of input");
                }

                break;
            }

            if (token.Kind == HoconTokenKind.CloseBrace)
            {
                if (!braced)
                {
                    throw Error(token, "unbalanced '}': the root object was opened without '{'");
                }

                Next();
                break;
            }

            ParseField(target);
            ExpectSeparator(HoconTokenKind.CloseBrace, "a key", "after a field", "'}'");
        }

        _nesting--;
        return target;
    }

    // HOCON spec, "Array and object concatenation" / separators: after a field or an element comes
    // a comma (optionally followed by newlines, but never a second comma), a newline, the closer,
    // or the end of input.
    private void ExpectSeparator(HoconTokenKind closer, string expectedAfterComma, string where, string closerText)
    {
        SkipWhitespace();
        var after = Peek();
        if (after.Kind == HoconTokenKind.Comma)
        {
            Next();
            SkipWhitespaceAndNewlines();
            if (Peek().Kind == HoconTokenKind.Comma)
            {
                throw Error(Peek(), $"two commas in a row: expected {expectedAfterComma}");
            }
        }
        else if (after.Kind != HoconTokenKind.Newline && after.Kind != closer && after.Kind != HoconTokenKind.End)
        {
            throw Error(after, $"unexpected {after.Describe()} {where}: expected ',', a newline or {closerText}");
        }
    }

    private void ParseField(HoconObject target)
    {
        var first = Next();
        if (first.Kind == HoconTokenKind.Unquoted && first.Text == "include"
            && Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline or HoconTokenKind.QuotedString)
        {
            ParseInclude(target, first);
            return;
        }

        if (!first.IsSimpleValue)
        {
            throw Error(first, $"unexpected {first.Describe()}: expected a key");
        }

        var builder = new HoconPathBuilder(_tokens);
        builder.Add(first);
        while (Peek().IsSimpleValue || Peek().Kind == HoconTokenKind.Whitespace)
        {
            builder.Add(Next());
        }

        var keyEnd = Peek();
        var key = builder.Finish(keyEnd.Line, keyEnd.Column);
        SkipWhitespaceAndNewlines();
        var separator = Peek();
        var append = false;
        switch (separator.Kind)
        {
            case HoconTokenKind.Colon or HoconTokenKind.Equals:
                Next();
                SkipWhitespaceAndNewlines();
                break;
            case HoconTokenKind.PlusEquals:
                if (_arrayDepth > 0)
                {
                    throw Error(separator, "'+=' is not supported in an object inside an array: use '=' with an explicit array");
                }

                Next();
                SkipWhitespaceAndNewlines();
                append = true;
                break;
            case HoconTokenKind.OpenBrace:
                break;
            default:
                throw Error(separator, $"unexpected {separator.Describe()} after key '{HoconPath.Render(key)}': expected ':', '=', '+=' or '{{'");
        }

        _path.AddRange(key);
        var value = ParseValue();
        _path.RemoveRange(_path.Count - key.Length, key.Length);
        if (append)
        {
            // HOCON.md, the += separator: `a += b` is `a = ${?a} [b]`.
            var self = new HoconSubstitution(value.Origin, HoconPath.Concat(_path, key), optional: true, _include.Prefix);
            value = new HoconConcatenation(value.Origin, [self, new HoconArray(value.Origin, [value])]);
        }

        for (var i = key.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(value.Origin);
            wrapper.Set(key[i], value);
            value = wrapper;
        }

        target.Set(key[0], HoconMerger.Merge(target.Get(key[0]), value));
    }

    private HoconValue ParseValue()
    {
        var parts = new List<HoconValue>();
        HoconScalar? pendingWhitespace = null;
        while (true)
        {
            var token = Peek();
            HoconValue part;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    Next();
                    if (parts.Count > 0)
                    {
                        pendingWhitespace = new HoconScalar(OriginOf(token), HoconScalarKind.String, token.Text, isWhitespace: true);
                    }

                    continue;
                case HoconTokenKind.OpenBrace:
                    Next();
                    part = ParseObjectBody(braced: true, OriginOf(token));
                    break;
                case HoconTokenKind.OpenBracket:
                    Next();
                    part = ParseArray(token);
                    break;
                case HoconTokenKind.SubstitutionStart:
                    Next();
                    part = ParseSubstitution(token);
                    break;
                case HoconTokenKind.QuotedString or HoconTokenKind.Unquoted:
                    Next();
                    part = HoconScalar.String(OriginOf(token), token.Text);
                    break;
                case HoconTokenKind.Number:
                    Next();
                    part = new HoconScalar(OriginOf(token), HoconScalarKind.Number, token.Text);
                    break;
                case HoconTokenKind.True or HoconTokenKind.False:
                    Next();
                    part = new HoconScalar(OriginOf(token), HoconScalarKind.Boolean, token.Text);
                    break;
                case HoconTokenKind.Null:
                    Next();
                    part = HoconScalar.Null(OriginOf(token));
                    break;
                default:
                    if (parts.Count == 0)
                    {
                        throw Error(token, $"unexpected {token.Describe()}: expected a value");
                    }

                    return HoconConcatenator.Fold(parts, _tokens);
            }

            if (pendingWhitespace is not null)
            {
                parts.Add(pendingWhitespace);
                pendingWhitespace = null;
            }

            parts.Add(part);
        }
    }

    private HoconArray ParseArray(HoconToken open)
    {
        EnterNesting(open);
        _arrayDepth++;
        var array = new HoconArray(OriginOf(open));
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek();
            if (token.Kind == HoconTokenKind.CloseBracket)
            {
                Next();
                break;
            }

            if (token.Kind == HoconTokenKind.End)
            {
                throw Error(open, "unterminated array: expected ']' to close this '[' before the end of input");
            }

            if (token.Kind == HoconTokenKind.Comma)
            {
                throw Error(token, "unexpected ',': expected an array element or ']'");
            }

            array.Add(ParseValue());
            ExpectSeparator(HoconTokenKind.CloseBracket, "an array element", "in an array", "']'");
        }

        _arrayDepth--;
        _nesting--;
        return array;
    }

    private HoconSubstitution ParseSubstitution(HoconToken start)
    {
        var builder = new HoconPathBuilder(_tokens);
        while (true)
        {
            var token = Next();
            if (token.Kind == HoconTokenKind.CloseBrace)
            {
                if (builder.IsEmpty)
                {
                    throw Error(token, "empty substitution: expected a path inside '${...}'");
                }

                var path = builder.Finish(token.Line, token.Column);
                return new HoconSubstitution(OriginOf(start), path, start.Optional, _include.Prefix);
            }

            if (token.IsSimpleValue || token.Kind == HoconTokenKind.Whitespace)
            {
                builder.Add(token);
                continue;
            }

            if (token.Kind == HoconTokenKind.End)
            {
                throw Error(start, "unterminated substitution: expected '}' to close this '${'");
            }

            throw Error(token, $"unexpected {token.Describe()} in a substitution: expected a path and '}}'");
        }
    }
}
