using BenchmarkDotNet.Configs;

namespace MeshNode.Benchmarks.Actors;

/// <summary>Adds <see cref="MessagesPerSecondColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MessagesPerSecondColumnAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(new MessagesPerSecondColumn());
}
