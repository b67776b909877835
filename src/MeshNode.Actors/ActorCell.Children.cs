namespace MeshNode.Actors;

internal sealed partial class ActorCell
{
    // Children may be added from other threads (ActorSystem.ActorOf on the guardian), so access is locked; it is
    // never on the message hot path.
    private Dictionary<string, ChildRestartStats>? _children;
    private long _nameCounter;

    private Dictionary<string, ChildRestartStats> Children
    {
        get
        {
            if (_children is null)
            {
                Interlocked.CompareExchange(ref _children, new Dictionary<string, ChildRestartStats>(StringComparer.Ordinal), null);
            }

            return _children;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (_closed)
        {
            throw new InvalidOperationException($"{Path} has stopped and cannot create children.");
        }

        if (name is null)
        {
            name = "$" + ToBase36(Interlocked.Increment(ref _nameCounter));
        }
        else
        {
            ActorNames.Validate(name, Path);
        }

        var child = new ActorCell(System, this, Path.Child(name), props);
        var children = Children;
        lock (children)
        {
            if (!children.TryAdd(name, new ChildRestartStats(child)))
            {
                throw new InvalidActorNameException(
                    $"Actor name '{name}' is not unique under {Path}: a child with that name exists or is still stopping.");
            }
        }

        child.Start();
        return child;
    }

    public IReadOnlyList<IActorRef> GetChildren()
    {
        if (_children is null)
        {
            return [];
        }

        lock (_children)
        {
            return _children.Values.Select(s => (IActorRef)s.Child).ToArray();
        }
    }

    public IActorRef Child(string name)
    {
        if (_children is null)
        {
            return ActorRefs.Nobody;
        }

        lock (_children)
        {
            return _children.TryGetValue(name, out var stats) ? stats.Child : ActorRefs.Nobody;
        }
    }

    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child is ActorCell cell)
        {
            if (ReferenceEquals(cell._parent, this) && _children is not null)
            {
                lock (_children)
                {
                    if (_children.TryGetValue(cell.Path.Name, out var stats) && ReferenceEquals(stats.Child, cell))
                    {
                        stats.Stopping = true;
                    }
                }
            }

            cell.SendSystemMessage(new Terminate());
        }
    }

    internal IReadOnlyList<ChildRestartStats> ChildStatsSnapshot()
    {
        if (_children is null)
        {
            return [];
        }

        lock (_children)
        {
            return _children.Values.Where(s => !s.Stopping).ToArray();
        }
    }

    /// <summary>Stops every child; false when there were none.</summary>
    private bool StopAllChildren()
    {
        var any = false;
        foreach (var child in GetChildren())
        {
            any = true;
            Stop(child);
        }

        return any;
    }

    private bool HasStoppingChildren()
    {
        if (_children is null)
        {
            return false;
        }

        lock (_children)
        {
            return _children.Values.Any(s => s.Stopping);
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        var empty = true;
        if (_children is not null)
        {
            lock (_children)
            {
                if (_children.TryGetValue(child.Path.Name, out var stats) && ReferenceEquals(stats.Child, child))
                {
                    _children.Remove(child.Path.Name);
                }

                empty = _children.Count == 0;
            }
        }

        if (_terminating)
        {
            if (empty)
            {
                FinishTerminate();
            }
        }
        else if (PendingRecreate is not null && !HasStoppingChildren())
        {
            FinishRecreate(PendingRecreate);
        }
    }

    private void HandleFailed(Failed failed)
    {
        ChildRestartStats? stats = null;
        if (_children is not null)
        {
            lock (_children)
            {
                if (_children.TryGetValue(failed.Child.Path.Name, out var found) && ReferenceEquals(found.Child, failed.Child) && !found.Stopping)
                {
                    stats = found;
                }
            }
        }

        if (stats is null || _terminating)
        {
            return;
        }

        var strategy = CachedStrategy ??= Props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        Directive directive;
        try
        {
            directive = strategy.Decider(failed.Cause);
        }
        catch (Exception ex)
        {
            System.LogError(Path, $"{Path}: supervisor decider threw, escalating: {ex.Message}", ex);
            directive = Directive.Escalate;
        }

        var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        System.WriteLog(level, failed.Child.Path, $"{failed.Child.Path} failed ({directive}): {failed.Cause.Message}", failed.Cause);
        switch (directive)
        {
            case Directive.Resume:
                failed.Child.SendSystemMessage(new Resume());
                break;
            case Directive.Restart:
            case Directive.Stop:
                strategy.Apply(this, stats, failed.Cause, directive);
                break;
            default:
                HandleInvokeFailure(failed.Cause);
                break;
        }
    }

    private static string ToBase36(long value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);
        return new string(buffer[i..]);
    }
}
