using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>Adapts a ready-made provider to <see cref="IConfigurationBuilder.Add"/>.</summary>
internal sealed class ProviderSource(Func<IConfigurationProvider> create) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => create();
}
