using MeshNode.Core.Node;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace MeshNode.Cli.Hosting;

/// <summary>Runs a front end over started nodes under the Generic Host (lifetime, Ctrl+C, SIGTERM).</summary>
internal static class NodeHostRunner
{
    /// <summary>Runs until the front end finishes or the process is told to stop.</summary>
    /// <param name="frontEnd">The front end.</param>
    /// <param name="nodes">The started nodes; the caller stops and disposes them afterwards.</param>
    /// <param name="logFile">The <c>--log-file</c> path, or null for no log.</param>
    /// <param name="cancellationToken">Stops the host (tests; the process uses signals).</param>
    /// <returns>The front end's failure, or null after a clean run.</returns>
    public static async Task<Exception?> RunAsync(INodeFrontEnd frontEnd, IReadOnlyList<IMeshNode> nodes, string? logFile, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        if (logFile is not null)
        {
            builder.Logging.AddProvider(new FileLoggerProvider(logFile, TimeProvider.System));
        }

        // stdout carries JSON events only: no "Application started" banner.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();
        builder.Services.AddSingleton(frontEnd);
        builder.Services.AddSingleton(nodes);
        builder.Services.AddSingleton<FrontEndService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FrontEndService>());
        var host = builder.Build();
        var service = host.Services.GetRequiredService<FrontEndService>();

        // RunAsync disposes the host when it returns.
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return service.Failure;
    }
}
