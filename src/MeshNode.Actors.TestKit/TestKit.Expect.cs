namespace MeshNode.Actors.TestKit;

public abstract partial class TestKit
{
    /// <summary>See <see cref="TestProbe.ExpectMsgAsync{T}(TimeSpan?)"/> (on <see cref="TestActor"/>).</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) => _testActor.ExpectMsgAsync<T>(timeout);

    /// <summary>See <see cref="TestProbe.ExpectMsgAsync{T}(T, TimeSpan?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) => _testActor.ExpectMsgAsync(expected, timeout);

    /// <summary>See <see cref="TestProbe.ExpectMsgAsync{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) => _testActor.ExpectMsgAsync(isMessage, timeout, hint);

    /// <summary>See <see cref="TestProbe.ExpectMsgAsync{T}(Action{T}, TimeSpan?)"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(Action<T> assertion, TimeSpan? timeout = null) => _testActor.ExpectMsgAsync(assertion, timeout);

    /// <summary>See <see cref="TestProbe.ExpectNoMsgAsync"/>.</summary>
    public Task ExpectNoMsgAsync(TimeSpan? duration = null) => _testActor.ExpectNoMsgAsync(duration);

    /// <summary>See <see cref="TestProbe.ExpectTerminatedAsync"/>.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) => _testActor.ExpectTerminatedAsync(target, timeout);

    /// <summary>See <see cref="TestProbe.FishForMessageAsync(Predicate{object}, TimeSpan?)"/>.</summary>
    public Task<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? timeout = null) => _testActor.FishForMessageAsync(isMessage, timeout);

    /// <summary>See <see cref="TestProbe.ReceiveWhileAsync{T}"/>.</summary>
    public Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
        => _testActor.ReceiveWhileAsync(shouldContinue, max, idle, maxMessages);

    /// <summary>See <see cref="TestProbe.ReceiveNAsync"/>.</summary>
    public Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null) => _testActor.ReceiveNAsync(count, timeout);

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => _testActor.ExpectMsg<T>(timeout);

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(T, TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => _testActor.ExpectMsg(expected, timeout);

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) => _testActor.ExpectMsg(isMessage, timeout, hint);

    /// <summary>Synchronous <see cref="ExpectMsgAsync{T}(Action{T}, TimeSpan?)"/>.</summary>
    public T ExpectMsg<T>(Action<T> assertion, TimeSpan? timeout = null) => _testActor.ExpectMsg(assertion, timeout);

    /// <summary>Synchronous <see cref="ExpectNoMsgAsync"/>.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => _testActor.ExpectNoMsg(duration);

    /// <summary>Synchronous <see cref="ExpectTerminatedAsync"/>.</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => _testActor.ExpectTerminated(target, timeout);

    /// <summary>Synchronous <see cref="FishForMessageAsync"/>.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null) => _testActor.FishForMessage(isMessage, timeout);

    /// <summary>Synchronous <see cref="ReceiveWhileAsync{T}"/>.</summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
        => _testActor.ReceiveWhile(shouldContinue, max, idle, maxMessages);

    /// <summary>Synchronous <see cref="ReceiveNAsync"/>.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => _testActor.ReceiveN(count, timeout);
}
