namespace MeshNode.Protocol.Fernet;

/// <summary>RFC 4648 section 5 base64url, written with padding (as Fernet does) and read with or without it.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).Replace('+', '-').Replace('/', '_');

    /// <summary>The decoded bytes, or null when <paramref name="text"/> is not base64url or decodes to more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? TryDecode(string text, int maxBytes)
    {
        if (text.Length > ((maxBytes + 2) / 3 * 4) || text.Contains('+', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        var padded = (text.Length % 4) switch
        {
            0 => text,
            2 => text + "==",
            3 => text + "=",
            _ => null,
        };
        if (padded is null)
        {
            return null;
        }

        var standard = padded.Replace('-', '+').Replace('_', '/');
        var buffer = new byte[standard.Length / 4 * 3];
        if (!Convert.TryFromBase64String(standard, buffer, out var written) || written > maxBytes)
        {
            return null;
        }

        return buffer.AsSpan(0, written).ToArray();
    }
}
