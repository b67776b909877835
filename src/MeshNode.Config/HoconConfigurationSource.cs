using MeshNode.Config.Hocon;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>
/// One HOCON document for <see cref="IConfigurationBuilder"/>, made of layers merged in order (later
/// wins, objects merge) and then resolved together, so a later layer's substitutions can refer to
/// an earlier layer's values, as an application config refers to a reference config.
/// </summary>
internal sealed class HoconConfigurationSource(string description, IReadOnlyList<Func<HoconObject>> layers, Func<string, string?>? environment)
    : IConfigurationSource
{
    public string Description { get; } = description;

    public IReadOnlyList<Func<HoconObject>> Layers { get; } = layers;

    public Func<string, string?>? Environment { get; } = environment;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
