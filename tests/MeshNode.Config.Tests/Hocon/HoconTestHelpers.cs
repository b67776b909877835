using System.Globalization;
using System.Text;
using MeshNode.Config.Hocon;
using MeshNode.Testing;

namespace MeshNode.Config.Tests.Hocon;

/// <summary>Parsing shortcuts and a canonical rendering of resolved trees for equality checks.</summary>
internal static class HoconTestHelpers
{
    public static string Resources => TestPaths.Vector("hocon", "resources");

    public static string Resource(params string[] parts) => Path.Combine([Resources, .. parts]);

    /// <summary>Parses and resolves HOCON text with an optional environment.</summary>
    public static HoconObject Load(string text, IReadOnlyDictionary<string, string>? env = null) =>
        HoconLoader.Resolve(HoconLoader.ParseString(text), env is null ? null : name => env.TryGetValue(name, out var v) ? v : null);

    public static HoconObject LoadFile(string path, IReadOnlyDictionary<string, string>? env = null) =>
        HoconLoader.Resolve(HoconLoader.ParseFile(path, required: true), env is null ? null : name => env.TryGetValue(name, out var v) ? v : null);

    public static HoconValue? At(this HoconObject root, string dottedPath) => root.GetPath(dottedPath.Split('.'));

    public static string Str(this HoconObject root, string dottedPath) =>
        Assert.IsType<HoconScalar>(root.At(dottedPath)).Text;

    /// <summary>Canonical JSON-like form: keys sorted, numbers by value, strings escaped.</summary>
    public static string Canonical(HoconValue? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HoconValue? value)
    {
        switch (value)
        {
            case null:
                sb.Append("<undefined>");
                break;
            case HoconObject o:
                sb.Append('{');
                foreach (var (key, child) in o.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    sb.Append(Quote(key)).Append(':');
                    Write(sb, child);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case HoconArray a:
                sb.Append('[');
                foreach (var item in a.Items)
                {
                    Write(sb, item);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            case HoconScalar { Kind: HoconScalarKind.Number } n:
                sb.Append(n.NumberValue.ToString("R", CultureInfo.InvariantCulture));
                break;
            case HoconScalar { Kind: HoconScalarKind.String } s:
                sb.Append(Quote(s.Text));
                break;
            case HoconScalar s:
                sb.Append(s.Text);
                break;
            default:
                sb.Append("<unresolved ").Append(value.GetType().Name).Append('>');
                break;
        }
    }

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
