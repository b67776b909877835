using MeshNode.Tui.Model;

namespace MeshNode.Tui.Tests.Model;

public sealed class InputLineTests
{
    [Fact]
    public void History_keeps_only_the_newest_entries_up_to_its_limit()
    {
        var input = new InputLine(historyLimit: 3, maxLength: 100);
        foreach (var line in new[] { "a", "b", "c", "d", "e" })
        {
            foreach (var c in line)
            {
                input.Insert(c);
            }

            input.Submit();
        }

        Assert.Equal(["c", "d", "e"], input.History);
    }

    [Fact]
    public void The_same_line_twice_in_a_row_is_remembered_once()
    {
        var input = new InputLine(10, 100);
        for (var i = 0; i < 2; i++)
        {
            input.Insert('x');
            input.Submit();
        }

        Assert.Single(input.History);
    }

    [Fact]
    public void Typing_stops_at_the_maximum_length_and_control_characters_are_refused()
    {
        var input = new InputLine(10, maxLength: 3);

        Assert.True(input.Insert('a'));
        Assert.False(input.Insert('\u001b'));
        input.Insert('b');
        input.Insert('c');
        Assert.False(input.Insert('d'));

        Assert.Equal("abc", input.Text);
    }

    [Fact]
    public void Browsing_history_on_an_empty_history_does_nothing()
    {
        var input = new InputLine(10, 100);

        Assert.False(input.Older());
        Assert.False(input.Newer());
    }
}
