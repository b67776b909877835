using System.Globalization;

namespace MeshNode.Config.Hocon;

/// <summary>
/// HOCON.md "units format": durations (bare numbers are milliseconds), sizes in bytes (bare numbers
/// are bytes; one-letter units are powers of two, kB/MB... powers of ten, KiB/MiB... powers of two)
/// and the six boolean spellings. Methods return false rather than throw on a bad value so the
/// caller can name the setting in its error.
/// </summary>
internal static class HoconUnits
{
    private static readonly Dictionary<string, decimal> DurationUnitsInTicks = Build(
        (["ns", "nano", "nanos", "nanosecond", "nanoseconds"], 0.01m),
        (["us", "micro", "micros", "microsecond", "microseconds"], 10m),
        (["", "ms", "milli", "millis", "millisecond", "milliseconds"], TimeSpan.TicksPerMillisecond),
        (["s", "second", "seconds"], TimeSpan.TicksPerSecond),
        (["m", "minute", "minutes"], TimeSpan.TicksPerMinute),
        (["h", "hour", "hours"], TimeSpan.TicksPerHour),
        (["d", "day", "days"], TimeSpan.TicksPerDay));

    private static readonly Dictionary<string, decimal> SizeUnits = BuildSizes();

    /// <summary>
    /// Parses a duration. <c>infinite</c> (also <c>inf</c>) gives <see cref="Timeout.InfiniteTimeSpan"/>
    /// (-1 ms), the value .NET timers and waits take for "never"; negative durations are otherwise rejected
    /// by the settings validation, not here.
    /// </summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var trimmed = text.Trim();
        if (trimmed is "infinite" or "inf")
        {
            value = Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!TrySplit(trimmed, out var number, out var unit) || !DurationUnitsInTicks.TryGetValue(unit, out var ticksPerUnit))
        {
            return false;
        }

        try
        {
            var ticks = decimal.Round(number * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
            {
                return false;
            }

            value = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Parses a size in bytes; false when malformed, fractional in bytes beyond rounding, or over <see cref="long.MaxValue"/>.</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        if (!TrySplit(text.Trim(), out var number, out var unit) || !SizeUnits.TryGetValue(unit, out var multiplier))
        {
            return false;
        }

        try
        {
            var result = decimal.Round(number * multiplier, MidpointRounding.AwayFromZero);
            if (result > long.MaxValue || result < long.MinValue)
            {
                return false;
            }

            bytes = (long)result;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>HOCON.md, automatic type conversions: exactly true/yes/on and false/no/off.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "yes" or "on":
                value = true;
                return true;
            case "false" or "no" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Number, optional whitespace, optional unit of letters only.</summary>
    private static bool TrySplit(string text, out decimal number, out string unit)
    {
        number = 0;
        unit = string.Empty;
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or '+' or 'e' or 'E'))
        {
            // 'e' only counts as an exponent after a digit and before a digit or sign.
            if (text[end] is 'e' or 'E' && !(end + 1 < text.Length && (char.IsAsciiDigit(text[end + 1]) || text[end + 1] is '-' or '+')))
            {
                break;
            }

            end++;
        }

        if (end == 0 || text.Length > 64
            || !decimal.TryParse(text.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        unit = text[end..].Trim();
        return unit.All(char.IsLetter);
    }

    private static Dictionary<string, decimal> Build(params (string[] Names, decimal Factor)[] groups)
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (names, factor) in groups)
        {
            foreach (var name in names)
            {
                map[name] = factor;
            }
        }

        return map;
    }

    private static Dictionary<string, decimal> BuildSizes()
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [string.Empty] = 1,
            ["B"] = 1,
            ["b"] = 1,
            ["byte"] = 1,
            ["bytes"] = 1,
        };
        string[] decimalShort = ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        string[] decimalLong = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryLetter = ["K", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] binaryLong = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        decimal ten = 1, two = 1;
        for (var i = 0; i < 8; i++)
        {
            ten *= 1000;
            two *= 1024;
            map[decimalShort[i]] = ten;
            map[decimalLong[i] + "byte"] = ten;
            map[decimalLong[i] + "bytes"] = ten;
            var letter = binaryLetter[i];
            map[letter] = two;
            map[letter.ToLowerInvariant()] = two;
            map[letter + "i"] = two;
            map[letter + "iB"] = two;
            map[binaryLong[i] + "byte"] = two;
            map[binaryLong[i] + "bytes"] = two;
        }

        return map;
    }
}
