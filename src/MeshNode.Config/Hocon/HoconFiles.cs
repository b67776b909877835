using System.Text;

namespace MeshNode.Config.Hocon;

/// <summary>Reads configuration files from disk as strict UTF-8, bounded in size.</summary>
internal static class HoconFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null when it does not exist.</summary>
    public static string? ReadIfExists(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > HoconLimits.MaxInputLength)
            {
                throw new ConfigurationException(
                    ConfigurationErrorReason.LimitExceeded,
                    $"file is {info.Length} bytes, more than the limit of {HoconLimits.MaxInputLength}",
                    path);
            }

            // Read at most one byte past the limit: the length of a device or /proc file says
            // nothing about how much it yields.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[Math.Min(info.Length, HoconLimits.MaxInputLength) + 1];
            var total = 0;
            int read;
            while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total == buffer.Length)
                {
                    if (total > HoconLimits.MaxInputLength)
                    {
                        throw new ConfigurationException(
                            ConfigurationErrorReason.LimitExceeded,
                            $"file is longer than the limit of {HoconLimits.MaxInputLength} bytes",
                            path);
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, HoconLimits.MaxInputLength + 1L));
                }
            }

            var text = StrictUtf8.GetString(buffer, 0, total);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException
                                      or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException(ConfigurationErrorReason.Io, $"cannot read the file: {e.Message}", path, inner: e);
        }
    }
}
