using BenchmarkDotNet.Attributes;
using MeshNode.Actors;

namespace MeshNode.Benchmarks.Actors;

/// <summary>
/// Spawning and stopping 100,000 actors: a parent creates 100,000 children, watches and stops each, and completes
/// when it has received every Terminated. Time and bytes allocated per operation (one operation = all 100,000).
/// Baseline: 100,000 plain objects each completed through a thread-pool work item and awaited, the least a "start
/// something, then learn it ended" costs without actors.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SpawnBenchmarks
{
    private const int Children = 100_000;

    private ActorSystem _system = null!;
    private IActorRef _parent = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("spawn");
        _parent = _system.ActorOf(Props.Create(() => new Parent()), "parent");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark]
    public void Actors()
    {
        var run = new Run(Children);
        _parent.Tell(run);
        run.Done.Task.Wait();
    }

    [Benchmark(Baseline = true)]
    public void PlainWorkItems()
    {
        var items = new PlainItem[Children];
        var tasks = new Task[Children];
        for (var i = 0; i < Children; i++)
        {
            var item = new PlainItem();
            items[i] = item;
            tasks[i] = item.Stopped.Task;
            ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        }

        Task.WaitAll(tasks);
    }

    private sealed class PlainItem : IThreadPoolWorkItem
    {
        public TaskCompletionSource Stopped { get; } = new();

        public void Execute() => Stopped.SetResult();
    }

    private sealed class Run(int children)
    {
        public int Children { get; } = children;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Child : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class Parent : UntypedActor
    {
        private static readonly Props ChildProps = Props.Create(() => new Child());

        private Run? _run;
        private int _terminated;

        protected override void OnReceive(object message)
        {
            if (message is Run run)
            {
                _run = run;
                _terminated = 0;
                for (var i = 0; i < run.Children; i++)
                {
                    var child = Context.ActorOf(ChildProps);
                    Context.Watch(child);
                    Context.Stop(child);
                }

                return;
            }

            if (message is Terminated && ++_terminated == _run!.Children)
            {
                _run.Done.SetResult();
            }
        }
    }
}
