namespace MeshNode.Actors;

/// <summary>
/// Sets messages aside to process later. Unstashed messages go to the front of the mailbox, in stash order. On restart
/// the stash is returned to the front of the mailbox; on stop its messages go to dead letters. Use only on the actor's turn.
/// </summary>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Stashes the message being processed (with its sender).</summary>
    /// <exception cref="InvalidOperationException">Called outside message processing.</exception>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns all stashed messages to the front of the mailbox, oldest first.</summary>
    void UnstashAll();
}
