using MeshNode.Protocol.Wire;

namespace MeshNode.Protocol.Tests.Wire;

public class Utf8TextTests
{
    [Theory]
    [InlineData("hello", 10, "hello")]
    [InlineData("hello", 3, "hel")]
    [InlineData("héllo", 2, "h")]
    [InlineData("a😀b", 4, "a")]
    [InlineData("a😀b", 5, "a😀")]
    [InlineData("", 0, "")]
    public void Cuts_between_whole_characters(string text, int maxBytes, string expected)
    {
        Assert.Equal(expected, Utf8Text.Truncate(text, maxBytes));
    }
}
