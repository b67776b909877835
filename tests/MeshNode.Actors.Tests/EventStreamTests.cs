using Xunit.Abstractions;

namespace MeshNode.Actors.Tests;

public sealed class EventStreamTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    private interface IAnimal;

    private record Animal(string Name) : IAnimal;

    private sealed record Dog(string Name) : Animal(Name);

    [Fact]
    public async Task Subscribers_get_events_of_derived_types_and_implemented_interfaces()
    {
        var byBase = CreateTestProbe();
        var byInterface = CreateTestProbe();
        var byExact = CreateTestProbe();
        Sys.EventStream.Subscribe(byBase.Ref, typeof(Animal));
        Sys.EventStream.Subscribe(byInterface.Ref, typeof(IAnimal));
        Sys.EventStream.Subscribe(byExact.Ref, typeof(Dog));
        Sys.EventStream.Publish(new Animal("cat"));
        Sys.EventStream.Publish(new Dog("rex"));
        await byBase.ExpectMsgAsync(new Animal("cat"));
        await byBase.ExpectMsgAsync(new Dog("rex"));
        await byInterface.ExpectMsgAsync(new Animal("cat"));
        await byInterface.ExpectMsgAsync(new Dog("rex"));
        await byExact.ExpectMsgAsync(new Dog("rex"));
        Sys.EventStream.Publish("flush");
        Sys.EventStream.Subscribe(byExact.Ref, typeof(string));
        Sys.EventStream.Publish("flush");
        await byExact.ExpectMsgAsync("flush");
    }

    [Fact]
    public async Task Unsubscribe_stops_delivery()
    {
        var probe = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(probe.Ref, typeof(Animal)));
        Assert.False(Sys.EventStream.Subscribe(probe.Ref, typeof(Animal)));
        Assert.True(Sys.EventStream.Unsubscribe(probe.Ref, typeof(Animal)));
        Sys.EventStream.Subscribe(probe.Ref, typeof(string));
        Sys.EventStream.Publish(new Animal("ghost"));
        Sys.EventStream.Publish("marker");
        await probe.ExpectMsgAsync("marker");
    }

    [Fact]
    public async Task Stopped_subscribers_are_removed_automatically()
    {
        var subscriber = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Sys.EventStream.Subscribe(subscriber, typeof(Animal));
        Watch(subscriber);
        Sys.Stop(subscriber);
        await ExpectTerminatedAsync(subscriber);
        Assert.False(Sys.EventStream.Unsubscribe(subscriber));
    }

    [Fact]
    public void Callback_subscription_runs_synchronously_until_disposed()
    {
        var seen = new List<string>();
        var subscription = Sys.EventStream.Subscribe<Animal>(a => seen.Add(a.Name));
        Sys.EventStream.Publish(new Dog("rex"));
        subscription.Dispose();
        Sys.EventStream.Publish(new Dog("fido"));
        Assert.Equal(["rex"], seen);
    }
}
