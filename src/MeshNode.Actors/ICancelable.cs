namespace MeshNode.Actors;

/// <summary>A scheduled action that can be cancelled.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels; a firing already in progress may still complete.</summary>
    void Cancel();
}
