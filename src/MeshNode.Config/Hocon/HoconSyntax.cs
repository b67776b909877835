namespace MeshNode.Config.Hocon;

/// <summary>The formats an include or a file name can select (HOCON.md, file formats and extensions).</summary>
internal enum HoconSyntax
{
    Conf,
    Json,
    Properties,
}
