using System.Threading.Channels;
using MeshNode.Core.Node;
using MeshNode.Tui.Commands;
using MeshNode.Tui.Model;
using MeshNode.Tui.Rendering;
using MeshNode.Tui.Terminal;

namespace MeshNode.Tui.App;

/// <summary>
/// The UI loop: the only owner of the <see cref="TuiModel"/>. Node events (one pump per node),
/// keys, command results and timers all arrive through one channel; a burst is applied whole and
/// then drawn at most once per refresh interval, and nothing wakes the loop when nothing happens
/// (no periodic tick: one-shot timers for the next frame and the next highlight expiry).
/// </summary>
internal sealed class TuiLoop
{
    // Messages waiting for the loop. Pumps wait when it is full, which leaves events in the node's
    // own bounded buffer (it drops the oldest and says so): a stalled UI never grows memory.
    private const int Capacity = 4096;

    // Messages applied before a frame is considered, so a long burst still gets drawn.
    private const int BatchLimit = 512;

    private readonly IReadOnlyList<IMeshNode> _nodes;
    private readonly TuiOptions _options;
    private readonly ITerminal _terminal;
    private readonly TimeProvider _time;
    private readonly TuiModel _model;
    private readonly int _historyLimit;
    private readonly Channel<LoopMessage> _messages = Channel.CreateBounded<LoopMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Channel<(int Node, SlashCommand Command, string? Conversation)> _commands =
        Channel.CreateUnbounded<(int, SlashCommand, string?)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private CancellationToken _stop;
    private ViewRefresher? _refresher;
    private long _drawnVersion = -1;
    private TerminalSize _drawnSize;
    private DateTimeOffset? _lastDraw;
    private ITimer? _redrawTimer;
    private ITimer? _expiryTimer;
    private DateTimeOffset? _armedExpiry;
    private bool _quit;

    /// <summary>Creates the loop.</summary>
    /// <param name="nodes">The started nodes.</param>
    /// <param name="options">Terminal, pacing and clock.</param>
    public TuiLoop(IReadOnlyList<IMeshNode> nodes, TuiOptions options)
    {
        _nodes = nodes;
        _options = options;
        _terminal = options.Terminal;
        _time = options.Time;
        var modelOptions = new TuiModelOptions { Lab = options.Lab, TimeZone = options.TimeZone, MaxLinesPerTab = options.MaxLinesPerTab, HighlightFor = options.LinkHighlight };
        _historyLimit = modelOptions.MaxLinesPerTab;
        var infos = nodes.Select(n => new TuiNodeInfo(n.NodeId, n.Name, n.Fingerprint, n.ListenEndpoint.Port)).ToList();
        _model = new TuiModel(infos, _time, modelOptions);
    }

    /// <summary>Runs until /quit, Ctrl+C or cancellation; the terminal is restored on every exit path.</summary>
    /// <param name="cancellationToken">Ends the loop.</param>
    /// <returns>Completes when the terminal is restored and every pump has stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stop = stop.Token;
        var background = new List<Task>();
        _refresher = new ViewRefresher(_nodes, _time, _options.RefreshInterval, PostAsync, _stop);
        _terminal.EnterFullScreen();
        try
        {
            for (var i = 0; i < _nodes.Count; i++)
            {
                var index = i;
                background.Add(LoopPump.RunAsync(_nodes[i].Events, e => new LoopMessage.NodeEventArrived(index, e), _messages.Writer, new LoopMessage.NodeEventsEnded(i), _stop));
                _refresher.Request(i);
                LoadHistory(i, null);
            }

            background.Add(LoopPump.RunAsync(_terminal.Input, input => new LoopMessage.Input(input), _messages.Writer, null, _stop));
            background.Add(RunCommandsAsync());
            foreach (var line in _options.StartNotices)
            {
                _model.AddNotice(0, NoticeKind.Info, line);
            }

            DrawIfChanged();
            await RunLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            _messages.Writer.TryComplete();
            _commands.Writer.TryComplete();
            _redrawTimer?.Dispose();
            _expiryTimer?.Dispose();
            _refresher.Dispose();
            _terminal.LeaveFullScreen();
            await Task.WhenAll(background).ConfigureAwait(false);
        }
    }

    private async Task RunLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _messages.Reader;
        while (!_quit)
        {
            LoopMessage message;
            try
            {
                message = await reader.ReadAsync(_stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C through the host, or SIGTERM: leave like /quit.
                return;
            }

            Handle(message);
            for (var n = 1; n < BatchLimit && !_quit && reader.TryRead(out var next); n++)
            {
                Handle(next);
            }

            if (!_quit)
            {
                ArmExpiry();
                DrawIfChanged();
            }
        }
    }

    private void Handle(LoopMessage message)
    {
        switch (message)
        {
            case LoopMessage.NodeEventArrived e:
                _model.Apply(e.Node, e.Event);
                if (ChangesViews(e.Event))
                {
                    _refresher!.Request(e.Node);
                }

                break;
            case LoopMessage.Input { Value: TerminalInput.KeyPressed key }:
                HandleKey(key.Key);
                break;
            case LoopMessage.Input { Value: TerminalInput.Resized }:
                // The size is read at every redraw; a resize only has to cause one.
                break;
            case LoopMessage.Update u:
                u.Apply(_model);
                break;
            case LoopMessage.CommandDone done:
                ApplyCommand(done.Node, done.Result);
                break;
            case LoopMessage.RefreshDone r:
                if (_refresher!.OnDone(r.Node, r.Error) is { } error)
                {
                    _model.AddNotice(r.Node, NoticeKind.Warning, "could not refresh peers and topology: " + error);
                }

                break;
            case LoopMessage.RefreshDue due:
                _refresher!.OnDue(due.Node);
                break;
            case LoopMessage.RedrawDue:
                _redrawTimer?.Dispose();
                _redrawTimer = null;
                break;
            case LoopMessage.ExpiryDue:
                _armedExpiry = null;
                _model.Tick();
                break;
            case LoopMessage.NodeEventsEnded ended:
                _model.AddNotice(ended.Node, NoticeKind.Error, $"node {_nodes[ended.Node].Name} stopped; its events have ended");
                break;
        }
    }

    private static bool ChangesViews(NodeEvent e) =>
        e is NodeStarted or PeerDiscovered or LinkUp or LinkDown or TopologyChanged or ChatQueued or ChatDelivered or KeyChanged;

    private void HandleKey(ConsoleKeyInfo key)
    {
        switch (_model.HandleKey(key))
        {
            case KeyOutcome.Submit submit:
                Submit(submit.Line);
                break;
            case KeyOutcome.OpenedConversation opened:
                LoadHistory(_model.Current, opened.PeerNodeId);
                break;
            case KeyOutcome.Quit:
                _quit = true;
                break;
        }
    }

    private void Submit(string line)
    {
        var node = _model.Current;
        var parsed = SlashCommandParser.ParseInput(line);
        if (parsed.Error is not null)
        {
            _model.AddNotice(node, NoticeKind.Error, parsed.Error);
            return;
        }

        switch (parsed.Command)
        {
            case null:
                break;
            case SlashCommand.Quit:
                _quit = true;
                break;
            case SlashCommand.Help:
                _model.ShowHelp();
                break;
            case SlashCommand.SpeakAs speakAs:
                SpeakAs(speakAs.Node);
                break;
            case { } command:
                _commands.Writer.TryWrite((node, command, _model.CurrentConversation));
                break;
        }
    }

    private void SpeakAs(int target)
    {
        var node = _model.Current;
        if (!_options.Lab)
        {
            _model.AddNotice(node, NoticeKind.Error, "/as works only in meshnode lab");
        }
        else if (target >= _nodes.Count)
        {
            _model.AddNotice(node, NoticeKind.Error, $"no node {target}: this lab has nodes 0 to {_nodes.Count - 1}");
        }
        else
        {
            _model.SwitchTo(target);
            _model.AddNotice(target, NoticeKind.Info, $"now speaking as node {target} ({_nodes[target].Name})");
        }
    }

    private void ApplyCommand(int node, CommandResult result)
    {
        result.Apply(_model);
        if (result.OpenConversation is { } peer && _model.Current == node)
        {
            _model.OpenConversation(peer);
            LoadHistory(node, peer);
        }

        if (result.RefreshViews)
        {
            _refresher!.Request(node);
        }
    }

    private void LoadHistory(int index, string? peerNodeId)
    {
        var node = _nodes[index];
        _ = Task.Run(
            async () =>
            {
                try
                {
                    var items = await node.GetHistoryAsync(peerNodeId, _historyLimit, _stop).ConfigureAwait(false);
                    await PostAsync(new LoopMessage.Update(m => m.ApplyHistory(index, items))).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    // Leaving.
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // NodeCommandException (store unreadable, node stopped) or a node bug: a notice, never a crash.
                    await PostAsync(new LoopMessage.Update(m => m.AddNotice(index, NoticeKind.Warning, "could not load history: " + ex.Message))).ConfigureAwait(false);
                }
            },
            CancellationToken.None);
    }

    private void ArmExpiry()
    {
        var next = _model.NextExpiry;
        if (next == _armedExpiry)
        {
            return;
        }

        _expiryTimer?.Dispose();
        _expiryTimer = null;
        _armedExpiry = next;
        if (next is { } at)
        {
            var due = at - _time.GetUtcNow();
            _expiryTimer = _time.CreateTimer(_ => _ = PostAsync(new LoopMessage.ExpiryDue()), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void DrawIfChanged()
    {
        var size = _terminal.Size;
        if ((_model.Version == _drawnVersion && size == _drawnSize) || _redrawTimer is not null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_lastDraw is { } last && now - last < _options.RefreshInterval)
        {
            // Too soon after the last frame: one timer draws everything that changed meanwhile.
            _redrawTimer = _time.CreateTimer(_ => _ = PostAsync(new LoopMessage.RedrawDue()), null, last + _options.RefreshInterval - now, Timeout.InfiniteTimeSpan);
            return;
        }

        var frame = FrameText.Render(TuiRenderer.Render(_model, size.Width, size.Height), size.Width, size.Height, color: _terminal.Color, ansi: true);
        _terminal.WriteFrame(frame);
        _drawnVersion = _model.Version;
        _drawnSize = size;
        _lastDraw = now;
    }

    // One command at a time, in the order typed, so two messages sent quickly keep their order.
    private async Task RunCommandsAsync()
    {
        try
        {
            await foreach (var (node, command, conversation) in _commands.Reader.ReadAllAsync(_stop).ConfigureAwait(false))
            {
                CommandResult result;
                try
                {
                    result = await TuiCommandRunner.RunAsync(_nodes[node], node, command, conversation, _stop).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A node bug must not stop every later command: report it and carry on.
                    var text = $"command failed unexpectedly ({ex.GetType().Name}): {ex.Message}";
                    result = new CommandResult(m => m.AddNotice(node, NoticeKind.Error, text));
                }

                await PostAsync(new LoopMessage.CommandDone(node, result)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Leaving: a command still running is abandoned with the UI.
        }
    }

    private async Task PostAsync(LoopMessage message)
    {
        try
        {
            await _messages.Writer.WriteAsync(message, _stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Leaving: nobody reads any more.
        }
        catch (ChannelClosedException)
        {
            // Leaving: nobody reads any more.
        }
    }
}
