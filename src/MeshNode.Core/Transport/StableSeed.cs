namespace MeshNode.Core.Transport;

/// <summary>
/// Derives per-connection seeds with FNV-1a: stable across runs, processes and platforms,
/// unlike <see cref="string.GetHashCode()"/>, which is randomized per process.
/// </summary>
internal static class StableSeed
{
    public static int For(int seed, string client, string server, int index, int direction)
    {
        var hash = 14695981039346656037UL;
        void Mix(int value)
        {
            for (var i = 0; i < 4; i++)
            {
                hash = (hash ^ (byte)(value >> (8 * i))) * 1099511628211UL;
            }
        }

        Mix(seed);
        foreach (var c in client)
        {
            Mix(c);
        }

        Mix(-1);
        foreach (var c in server)
        {
            Mix(c);
        }

        Mix(index);
        Mix(direction);
        return (int)(hash ^ (hash >> 32));
    }
}
