namespace MeshNode.Protocol.Wire;

/// <summary>UTF-8 helpers for text fields bounded in bytes.</summary>
internal static class Utf8Text
{
    /// <summary>The longest prefix of <paramref name="text"/> whose UTF-8 form fits <paramref name="maxBytes"/>, cut between whole characters.</summary>
    public static string Truncate(string text, int maxBytes)
    {
        var bytes = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > maxBytes)
            {
                break;
            }

            end += rune.Utf16SequenceLength;
        }

        return end == text.Length ? text : text[..end];
    }
}
