using System.Text;
using MeshNode.Protocol.Handshake;

namespace MeshNode.Core.Node;

/// <summary>Display-name helpers.</summary>
internal static class NodeNames
{
    /// <summary>The name cut to at most <see cref="LinkHandshake.MaxNameBytes"/> UTF-8 bytes on a character boundary.</summary>
    public static string Truncate(string name)
    {
        var text = name ?? string.Empty;
        while (Encoding.UTF8.GetByteCount(text) > LinkHandshake.MaxNameBytes)
        {
            text = text[..^1];
        }

        return text;
    }
}
