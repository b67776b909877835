using System.Globalization;
using System.Text;

namespace MeshNode.Config.Hocon;

/// <summary>
/// Value concatenation (HOCON.md, value concatenation): simple values join into a string with the
/// whitespace between them, arrays join, objects merge; mixing kinds is an error.
/// </summary>
internal static class HoconConcatenator
{
    /// <summary>Folds parts at parse time; a concatenation with a substitution is kept for resolution.</summary>
    public static HoconValue Fold(List<HoconValue> parts, HoconTokenizer tokens)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.Any(p => p.IsUnmergeable))
        {
            return new HoconConcatenation(parts[0].Origin, parts);
        }

        try
        {
            return Join(parts, HoconMerger.Merge, parts[0].Origin);
        }
        catch (ConfigurationException e) when (e.Line == 0)
        {
            var at = parts[0].Origin;
            throw tokens.Error(at.Line, at.Column, e.Detail);
        }
    }

    /// <summary>
    /// Joins parts that hold no substitution. <paramref name="merge"/> merges an object over the
    /// accumulated one (parse-time merge mutates; resolve-time merge copies). A joined string or
    /// array takes <paramref name="origin"/>: where the concatenation was written.
    /// </summary>
    public static HoconValue Join(IReadOnlyList<HoconValue> parts, Func<HoconValue?, HoconValue, HoconValue> merge, HoconOrigin origin)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var hasObject = false;
        var hasArray = false;
        var hasSimple = false;
        foreach (var part in parts)
        {
            switch (part)
            {
                case HoconObject:
                    hasObject = true;
                    break;
                case HoconArray:
                    hasArray = true;
                    break;
                case HoconScalar { IsWhitespace: true }:
                    break;
                default:
                    hasSimple = true;
                    break;
            }
        }

        if (!hasObject && !hasArray)
        {
            var sb = new StringBuilder();
            foreach (var part in parts)
            {
                sb.Append(((HoconScalar)part).Text);
                if (sb.Length > HoconLimits.MaxStringLength)
                {
                    throw new ConfigurationException(ConfigurationErrorReason.LimitExceeded, $"concatenated string longer than {HoconLimits.MaxStringLength} characters");
                }
            }

            return HoconScalar.String(origin, sb.ToString());
        }

        if (hasSimple)
        {
            var simple = parts.First(p => p is HoconScalar { IsWhitespace: false });
            throw new ConfigurationException(
                ConfigurationErrorReason.Syntax,
                $"cannot concatenate {Describe(simple)} with an {(hasArray ? "array" : "object")}: expected only strings, only arrays or only objects");
        }

        if (hasArray)
        {
            var items = new List<HoconValue>();
            foreach (var part in parts)
            {
                switch (part)
                {
                    case HoconArray a:
                        items.AddRange(a.Items);
                        break;
                    case HoconObject o when IsConvertibleToArray(o):
                        items.AddRange(ToArrayItems(o));
                        break;
                    case HoconObject:
                        throw new ConfigurationException(ConfigurationErrorReason.Syntax, "cannot concatenate an object with an array: expected only arrays or only objects");
                }
            }

            return new HoconArray(origin, items);
        }

        HoconValue? acc = null;
        foreach (var part in parts)
        {
            if (part is HoconObject)
            {
                acc = merge(acc, part);
            }
        }

        return acc!;
    }

    private static string Describe(HoconValue value) => value switch
    {
        HoconScalar { Kind: HoconScalarKind.String } s => $"the string \"{(s.Text.Length > 20 ? s.Text[..20] + "..." : s.Text)}\"",
        HoconScalar s => $"the value {s.Text}",
        _ => "a value",
    };

    /// <summary>HOCON.md, numerically-indexed objects: an object with non-negative integer keys can stand for an array.</summary>
    public static bool IsConvertibleToArray(HoconObject o) =>
        o.Count > 0 && o.Keys.Any(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _));

    public static IEnumerable<HoconValue> ToArrayItems(HoconObject o) =>
        o.Fields
            .Select(f => (Ok: int.TryParse(f.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i), Index: i, f.Value))
            .Where(x => x.Ok)
            .OrderBy(x => x.Index)
            .Select(x => x.Value);
}
