using MeshNode.Core.Node;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshNode.Cli.Hosting;

/// <summary>
/// Runs the front end under the Generic Host: Ctrl+C and SIGTERM cancel it through the host's
/// lifetime, and when the front end finishes on its own (/quit, end of input) the host stops.
/// </summary>
internal sealed partial class FrontEndService : BackgroundService
{
    private readonly INodeFrontEnd _frontEnd;
    private readonly IReadOnlyList<IMeshNode> _nodes;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<FrontEndService> _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="frontEnd">The front end to run.</param>
    /// <param name="nodes">The started nodes.</param>
    /// <param name="lifetime">Stopped when the front end finishes.</param>
    /// <param name="logger">Lifecycle log (never message text).</param>
    public FrontEndService(INodeFrontEnd frontEnd, IReadOnlyList<IMeshNode> nodes, IHostApplicationLifetime lifetime, ILogger<FrontEndService> logger)
    {
        _frontEnd = frontEnd;
        _nodes = nodes;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>The front end's failure, if it ended with one (the program then exits with 1).</summary>
    public Exception? Failure { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogStarted(_nodes.Count);
            foreach (var node in _nodes)
            {
                LogNode(node.Name, node.NodeId, node.Fingerprint, node.ListenEndpoint.Port);
            }

            await _frontEnd.RunAsync(_nodes, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C, SIGTERM or host shutdown: a clean stop.
        }
        catch (Exception ex)
        {
            Failure = ex;
            LogFailed(ex.GetType().Name);
        }
        finally
        {
            LogStopping();
            _lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Front end started for {Count} node(s)")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Name} ({NodeId}, fingerprint {Fingerprint}) listening on port {Port}")]
    private partial void LogNode(string name, string nodeId, string fingerprint, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "Front end failed: {ExceptionType}")]
    private partial void LogFailed(string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Front end finished; stopping")]
    private partial void LogStopping();
}
