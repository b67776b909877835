namespace MeshNode.Tui.Model;

/// <summary>Where a line in a chat tab came from.</summary>
internal enum ChatLineKind
{
    /// <summary>A message another node sent.</summary>
    Received,

    /// <summary>A message this node sent.</summary>
    Own,

    /// <summary>A local notice: a command reply, a warning or an error. Never sent anywhere.</summary>
    Notice,
}
