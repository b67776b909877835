using System.Globalization;

namespace MeshNode.Config.Hocon;

/// <summary>
/// A simple value: string, number, boolean or null. <see cref="Text"/> is the string form used in
/// concatenation: numbers exactly as written in the file (HOCON.md, string value concatenation).
/// </summary>
internal sealed class HoconScalar(HoconOrigin origin, HoconScalarKind kind, string text, bool isWhitespace = false)
    : HoconValue(origin)
{
    public HoconScalarKind Kind { get; } = kind;

    public string Text { get; } = text;

    /// <summary>Unquoted whitespace between parts of a concatenation: kept between strings, ignored between arrays or objects.</summary>
    public bool IsWhitespace { get; } = isWhitespace;

    public override bool NeedsResolve => false;

    public static HoconScalar String(HoconOrigin origin, string text) => new(origin, HoconScalarKind.String, text);

    public static HoconScalar Null(HoconOrigin origin) => new(origin, HoconScalarKind.Null, "null");

    /// <summary>The number as a double for comparisons; NaN when <see cref="Kind"/> is not a number.</summary>
    public double NumberValue =>
        Kind == HoconScalarKind.Number && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : double.NaN;

    public override string ToString() => Text;
}
