namespace MeshNode.Config.Hocon;

/// <summary>Kinds of token the tokenizer emits. Comments are skipped; the newline after one is kept.</summary>
internal enum HoconTokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    QuotedString,
    Unquoted,
    Number,
    True,
    False,
    Null,

    /// <summary><c>${</c>; <see cref="HoconToken.Optional"/> is set for <c>${?</c>.</summary>
    SubstitutionStart,
}
