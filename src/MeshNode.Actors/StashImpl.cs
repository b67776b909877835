namespace MeshNode.Actors;

/// <summary>The cell's stash (owner-only state).</summary>
internal sealed class StashImpl(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public void Stash()
    {
        var message = cell.CurrentMessage
            ?? throw new InvalidOperationException($"{cell.Path}: Stash() can only be called while processing a message.");
        _stashed.Add(new Envelope(message, cell.CurrentSender));
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Prepend([first]);
    }

    public void UnstashAll() => ReturnAllToMailbox();

    public void ReturnAllToMailbox()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        cell.Prepend(_stashed.ToArray());
        _stashed.Clear();
    }

    public void DropAll()
    {
        foreach (var envelope in _stashed)
        {
            cell.System.DeadLetter(envelope.Message, envelope.Sender, cell);
        }

        _stashed.Clear();
    }
}
