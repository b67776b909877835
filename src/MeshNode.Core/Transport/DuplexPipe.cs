using System.IO.Pipelines;

namespace MeshNode.Core.Transport;

/// <summary>The application's two pipe ends of a connection.</summary>
internal sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
