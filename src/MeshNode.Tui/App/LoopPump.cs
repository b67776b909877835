using System.Threading.Channels;

namespace MeshNode.Tui.App;

/// <summary>Moves items from a source channel (node events, terminal input) into the UI loop's channel.</summary>
internal static class LoopPump
{
    /// <summary>
    /// Pumps until the source ends (then posts <paramref name="ended"/>, if any) or the UI leaves.
    /// Waits while the loop's channel is full, which leaves items in the source's own bounded buffer.
    /// </summary>
    /// <typeparam name="T">The source's item type.</typeparam>
    /// <param name="source">Where items come from.</param>
    /// <param name="wrap">Turns an item into a loop message.</param>
    /// <param name="target">The loop's channel.</param>
    /// <param name="ended">Posted when the source completes, or null.</param>
    /// <param name="stop">Fires when the UI leaves.</param>
    /// <returns>Completes when the pump stops; never faults for cancellation or a closed loop.</returns>
    public static async Task RunAsync<T>(ChannelReader<T> source, Func<T, LoopMessage> wrap, ChannelWriter<LoopMessage> target, LoopMessage? ended, CancellationToken stop)
    {
        try
        {
            await foreach (var item in source.ReadAllAsync(stop).ConfigureAwait(false))
            {
                await target.WriteAsync(wrap(item), stop).ConfigureAwait(false);
            }

            if (ended is not null)
            {
                await target.WriteAsync(ended, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Leaving: items still queued are not needed.
        }
        catch (ChannelClosedException)
        {
            // The loop has ended.
        }
    }
}
