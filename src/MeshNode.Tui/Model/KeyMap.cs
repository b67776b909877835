namespace MeshNode.Tui.Model;

/// <summary>
/// The key bindings (docs/tui.md lists them). Global keys first (Ctrl+C, F1, Esc, Tab, PageUp/Down,
/// tab switching), then the focused pane's keys. Typing a printable character in any pane moves
/// focus to the input line and types it there, so nobody has to Tab back to write.
/// </summary>
internal static class KeyMap
{
    private static readonly Pane[] Order = [Pane.Input, Pane.Peers, Pane.Chat, Pane.Topology];

    /// <summary>Applies <paramref name="key"/> to <paramref name="model"/> and says what the loop must do.</summary>
    public static KeyOutcome Handle(TuiModel model, ConsoleKeyInfo key)
    {
        var ctrl = key.Modifiers.HasFlag(ConsoleModifiers.Control);
        var alt = key.Modifiers.HasFlag(ConsoleModifiers.Alt);
        var shift = key.Modifiers.HasFlag(ConsoleModifiers.Shift);
        if ((ctrl && key.Key == ConsoleKey.C) || key.KeyChar == '\u0003')
        {
            return KeyOutcome.Quit.Instance;
        }

        if (model.HelpVisible)
        {
            model.HideHelp();
            return KeyOutcome.Redraw.Instance;
        }

        var chat = model.CurrentNode.Chat;
        switch (key.Key)
        {
            case ConsoleKey.F1:
                model.ShowHelp();
                return KeyOutcome.Redraw.Instance;
            case ConsoleKey.Escape:
                if (model.Focus != Pane.Input)
                {
                    model.SetFocus(Pane.Input);
                    return KeyOutcome.Redraw.Instance;
                }

                return Result(model, chat.Active.ScrollToBottom());
            case ConsoleKey.Tab:
                var index = Array.IndexOf(Order, model.Focus);
                model.SetFocus(Order[(index + (shift ? Order.Length - 1 : 1)) % Order.Length]);
                return KeyOutcome.Redraw.Instance;
            case ConsoleKey.PageUp:
                return Result(model, chat.Active.Scroll(Page(model.PaneRows.Chat)));
            case ConsoleKey.PageDown:
                return Result(model, chat.Active.Scroll(-Page(model.PaneRows.Chat)));
            case ConsoleKey.LeftArrow or ConsoleKey.RightArrow when ctrl:
                var count = chat.Tabs.Count;
                var next = (chat.ActiveIndex + (key.Key == ConsoleKey.LeftArrow ? count - 1 : 1)) % count;
                return Result(model, chat.Activate(next, onScreen: true));
            case >= ConsoleKey.D1 and <= ConsoleKey.D9 when alt:
                return Result(model, chat.Activate(key.Key - ConsoleKey.D1, onScreen: true));
            case ConsoleKey.W when ctrl:
                return Result(model, chat.CloseActive());
            case ConsoleKey.U when ctrl:
                return Result(model, model.Input.Clear());
            default:
                break;
        }

        return model.Focus switch
        {
            Pane.Peers => Peers(model, key),
            Pane.Chat => Scrolling(model, key, chat.Active.Scroll, chat.Active.ScrollToTop, chat.Active.ScrollToBottom, up: 1),
            Pane.Topology => Scrolling(
                model,
                key,
                rows => model.CurrentNode.Topology.ScrollBy(rows, model.PaneRows.Topology),
                () => model.CurrentNode.Topology.ScrollTo(0, model.PaneRows.Topology),
                () => model.CurrentNode.Topology.ScrollTo(int.MaxValue, model.PaneRows.Topology),
                up: -1),
            _ => Input(model, key),
        };
    }

    private static KeyOutcome Input(TuiModel model, ConsoleKeyInfo key)
    {
        var input = model.Input;
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                var line = input.Submit();
                if (line is null)
                {
                    return KeyOutcome.None.Instance;
                }

                model.Changed();
                return new KeyOutcome.Submit(line);
            case ConsoleKey.LeftArrow:
                return Result(model, input.Left());
            case ConsoleKey.RightArrow:
                return Result(model, input.Right());
            case ConsoleKey.Home:
                return Result(model, input.Home());
            case ConsoleKey.End:
                return Result(model, input.End());
            case ConsoleKey.Backspace:
                return Result(model, input.Backspace());
            case ConsoleKey.Delete:
                return Result(model, input.Delete());
            case ConsoleKey.UpArrow:
                return Result(model, input.Older());
            case ConsoleKey.DownArrow:
                return Result(model, input.Newer());
            default:
                return Type(model, key);
        }
    }

    private static KeyOutcome Peers(TuiModel model, ConsoleKeyInfo key)
    {
        var peers = model.CurrentNode.Peers;
        switch (key.Key)
        {
            case ConsoleKey.UpArrow:
                return Result(model, peers.MoveSelection(-1));
            case ConsoleKey.DownArrow:
                return Result(model, peers.MoveSelection(1));
            case ConsoleKey.Home:
                return Result(model, peers.MoveSelection(-peers.Peers.Count));
            case ConsoleKey.End:
                return Result(model, peers.MoveSelection(peers.Peers.Count));
            case ConsoleKey.PageUp or ConsoleKey.PageDown:
                return KeyOutcome.None.Instance;
            case ConsoleKey.Enter:
                if (peers.Selected is not { } peer)
                {
                    return KeyOutcome.None.Instance;
                }

                model.OpenConversation(peer.NodeId);
                return new KeyOutcome.OpenedConversation(peer.NodeId);
            default:
                return Type(model, key);
        }
    }

    private static KeyOutcome Scrolling(TuiModel model, ConsoleKeyInfo key, Func<int, bool> scroll, Func<bool> top, Func<bool> bottom, int up) => key.Key switch
    {
        ConsoleKey.UpArrow => Result(model, scroll(up)),
        ConsoleKey.DownArrow => Result(model, scroll(-up)),
        ConsoleKey.Home => Result(model, top()),
        ConsoleKey.End => Result(model, bottom()),
        _ => Type(model, key),
    };

    // A printable character typed while another pane has focus goes to the input line.
    private static KeyOutcome Type(TuiModel model, ConsoleKeyInfo key)
    {
        if (key.KeyChar == '\0' || char.IsControl(key.KeyChar) || key.Modifiers.HasFlag(ConsoleModifiers.Control) || key.Modifiers.HasFlag(ConsoleModifiers.Alt))
        {
            return KeyOutcome.None.Instance;
        }

        model.SetFocus(Pane.Input);
        model.Input.Insert(key.KeyChar);
        model.Changed();
        return KeyOutcome.Redraw.Instance;
    }

    private static int Page(int rows) => Math.Max(1, rows - 1);

    private static KeyOutcome Result(TuiModel model, bool changed)
    {
        if (!changed)
        {
            return KeyOutcome.None.Instance;
        }

        model.Changed();
        return KeyOutcome.Redraw.Instance;
    }
}
