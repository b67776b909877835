namespace MeshNode.Config.Hocon;

/// <summary>The JSON type of a simple value.</summary>
internal enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
