namespace MeshNode.Tui.Model;

/// <summary>A link that appeared or vanished, highlighted until <see cref="Until"/>.</summary>
internal sealed record LinkChange(string A, string B, string NameA, string NameB, bool Appeared, DateTimeOffset Until);
