using System.Threading.Channels;

namespace MeshNode.Actors.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: queues everything it receives for the test thread.</summary>
internal sealed class TestProbeActor(ChannelWriter<ReceivedMessage> inbox) : ActorBase
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchCommand watch:
                Context.Watch(watch.Target);
                break;
            case UnwatchCommand unwatch:
                Context.Unwatch(unwatch.Target);
                break;
            default:
                inbox.TryWrite(new ReceivedMessage(message, Sender));
                break;
        }

        return true;
    }

    internal sealed record WatchCommand(IActorRef Target);

    internal sealed record UnwatchCommand(IActorRef Target);
}
