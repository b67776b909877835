namespace MeshNode.Config.Hocon;

/// <summary>One token with its 1-based position. <see cref="Text"/> is the unescaped string for quoted strings, the raw text otherwise.</summary>
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, int Line, int Column, bool Optional = false)
{
    /// <summary>True for tokens that can be part of a key or a simple value.</summary>
    public bool IsSimpleValue => Kind is HoconTokenKind.QuotedString or HoconTokenKind.Unquoted or HoconTokenKind.Number
        or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null;

    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "end of input",
        HoconTokenKind.Newline => "newline",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.QuotedString => $"quoted string \"{Shorten(Text)}\"",
        HoconTokenKind.SubstitutionStart => "'${'",
        _ => $"'{Shorten(Text)}'",
    };

    private static string Shorten(string s) => s.Length <= 30 ? s : s[..30] + "...";
}
