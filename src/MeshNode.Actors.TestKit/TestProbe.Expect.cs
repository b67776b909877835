namespace MeshNode.Actors.TestKit;

public sealed partial class TestProbe
{
    /// <summary>Expects a message of type <typeparamref name="T"/> next and returns it; fails on timeout or another type.</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null)
    {
        var item = await NextAsync(timeout, $"a message of type {typeof(T).Name}").ConfigureAwait(false);
        if (item.Message is not T typed)
        {
            throw Failure($"expected a message of type {typeof(T).Name} but got {Describe(item.Message)}");
        }

        return typed;
    }

    /// <summary>Expects a message equal to <paramref name="expected"/> next.</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        var item = await NextAsync(timeout, $"message {expected}").ConfigureAwait(false);
        if (item.Message is not T typed || !EqualityComparer<T>.Default.Equals(typed, expected))
        {
            throw Failure($"expected {Describe(expected)} but got {Describe(item.Message)}");
        }

        return typed;
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> for which <paramref name="isMessage"/> holds.</summary>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var typed = await ExpectMsgAsync<T>(timeout).ConfigureAwait(false);
        if (!isMessage(typed))
        {
            throw Failure($"{Describe(typed)} did not match the predicate{(hint is null ? string.Empty : " (" + hint + ")")}");
        }

        return typed;
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> and runs <paramref name="assertion"/> on it.</summary>
    public async Task<T> ExpectMsgAsync<T>(Action<T> assertion, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var typed = await ExpectMsgAsync<T>(timeout).ConfigureAwait(false);
        assertion(typed);
        return typed;
    }

    /// <summary>Fails if any message arrives within <paramref name="duration"/> (default 100 ms times the time factor).</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        var wait = TestDeadline.Remaining(duration, TestKitSettings.DefaultNoMessageWait);
        var item = await TryTakeAsync(wait, peekOnly: false).ConfigureAwait(false);
        if (item is not null)
        {
            LastMessage = item.Message;
            LastSender = item.Sender;
            throw Failure($"expected no message for {wait} but got {Describe(item.Message)}");
        }
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/> next (watch it first with <see cref="Watch"/>).</summary>
    public async Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var terminated = await ExpectMsgAsync<Terminated>(timeout).ConfigureAwait(false);
        if (!ReferenceEquals(terminated.ActorRef, target))
        {
            throw Failure($"expected Terminated of {target.Path} but got Terminated of {terminated.ActorRef.Path}");
        }

        return terminated;
    }

    /// <summary>Skips messages until one matches <paramref name="isMessage"/> and returns it; fails on timeout.</summary>
    public async Task<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var deadline = DateTime.UtcNow + TestDeadline.Remaining(timeout, TestKitSettings.DefaultTimeout);
        while (true)
        {
            var item = await NextAsync(deadline - DateTime.UtcNow, "a message matching the fishing predicate").ConfigureAwait(false);
            if (isMessage(item.Message))
            {
                return item.Message;
            }
        }
    }

    /// <summary>Skips messages until one of type <typeparamref name="T"/> matches <paramref name="isMessage"/>.</summary>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return (T)await FishForMessageAsync(m => m is T t && isMessage(t), timeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes messages of type <typeparamref name="T"/> while <paramref name="shouldContinue"/> holds; stops at the first
    /// other message (left in the queue), after <paramref name="maxMessages"/>, when none arrives within
    /// <paramref name="idle"/> or when <paramref name="max"/> has passed.
    /// </summary>
    public async Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(shouldContinue);
        var deadline = DateTime.UtcNow + TestDeadline.Remaining(max, TestKitSettings.DefaultTimeout);
        var received = new List<T>();
        while (received.Count < maxMessages)
        {
            var left = deadline - DateTime.UtcNow;
            var wait = idle is { } i && i < left ? i : left;
            var item = await TryTakeAsync(wait, peekOnly: true).ConfigureAwait(false);
            if (item is null || item.Message is not T typed || !shouldContinue(typed))
            {
                break;
            }

            Take();
            received.Add(typed);
        }

        return received;
    }

    /// <summary>Takes exactly <paramref name="count"/> messages, failing if they do not all arrive in time.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + TestDeadline.Remaining(timeout, TestKitSettings.DefaultTimeout);
        var received = new List<object>(count);
        for (var i = 0; i < count; i++)
        {
            var item = await NextAsync(deadline - DateTime.UtcNow, $"message {i + 1} of {count}").ConfigureAwait(false);
            received.Add(item.Message);
        }

        return received;
    }

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => Wait(ExpectMsgAsync<T>(timeout));

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(T, TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => Wait(ExpectMsgAsync(expected, timeout));

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) => Wait(ExpectMsgAsync(isMessage, timeout, hint));

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(Action{T}, TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(Action<T> assertion, TimeSpan? timeout = null) => Wait(ExpectMsgAsync(assertion, timeout));

    /// <summary>Synchronous <see cref="ExpectNoMsgAsync"/>.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => ExpectNoMsgAsync(duration).GetAwaiter().GetResult();

    /// <summary>Synchronous <see cref="ExpectTerminatedAsync"/>.</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => Wait(ExpectTerminatedAsync(target, timeout));

    /// <summary>Synchronous <see cref="FishForMessageAsync(Predicate{object}, TimeSpan?)"/>.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null) => Wait(FishForMessageAsync(isMessage, timeout));

    /// <summary>Synchronous <see cref="ReceiveWhileAsync{T}"/>.</summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
        => Wait(ReceiveWhileAsync(shouldContinue, max, idle, maxMessages));

    /// <summary>Synchronous <see cref="ReceiveNAsync"/>.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => Wait(ReceiveNAsync(count, timeout));

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private async Task<ReceivedMessage> NextAsync(TimeSpan? timeout, string what)
    {
        var wait = TestDeadline.Remaining(timeout, TestKitSettings.DefaultTimeout);
        var item = await TryTakeAsync(wait, peekOnly: false).ConfigureAwait(false)
            ?? throw Failure($"timeout ({wait}) while waiting for {what}");
        LastMessage = item.Message;
        LastSender = item.Sender;
        return item;
    }

    private Xunit.Sdk.XunitException Failure(string text) => new($"{Ref.Path}: {text}");

    private static string Describe(object? message) => message is null ? "null" : $"{message.GetType().Name} ({message})";
}
