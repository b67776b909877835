using System.Text;

namespace MeshNode.Config.Hocon;

/// <summary>Renders and splits HOCON paths.</summary>
internal static class HoconPath
{
    /// <summary>Renders a path, quoting elements that would not read back as one unquoted element.</summary>
    public static string Render(IReadOnlyList<string> path)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < path.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            var element = path[i];
            if (element.Length > 0 && element.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
            {
                sb.Append(element);
            }
            else
            {
                sb.Append('"').Append(element.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }
        }

        return sb.ToString();
    }

    public static string[] Concat(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var result = new string[first.Count + second.Count];
        for (var i = 0; i < first.Count; i++)
        {
            result[i] = first[i];
        }

        for (var i = 0; i < second.Count; i++)
        {
            result[first.Count + i] = second[i];
        }

        return result;
    }
}
