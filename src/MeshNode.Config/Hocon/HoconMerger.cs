namespace MeshNode.Config.Hocon;

/// <summary>
/// Duplicate-key merging (HOCON.md, duplicate keys and object merging): objects merge recursively,
/// anything else replaces. Values that cannot be merged yet (substitutions) are stacked in a
/// <see cref="HoconDelayedMerge"/> so self-references can look back at what they override.
/// </summary>
internal static class HoconMerger
{
    /// <summary>Merges <paramref name="newer"/> over <paramref name="older"/> while parsing; may mutate and return <paramref name="older"/>.</summary>
    public static HoconValue Merge(HoconValue? older, HoconValue newer)
    {
        if (older is null)
        {
            return newer;
        }

        if (newer is HoconObject newObject)
        {
            if (older is HoconObject oldObject)
            {
                foreach (var (key, value) in newObject.Fields)
                {
                    oldObject.Set(key, Merge(oldObject.Get(key), value));
                }

                return oldObject;
            }

            if (older is HoconDelayedMerge { Stack: [HoconObject top, ..] })
            {
                // Two adjacent objects merge the same now or later; merging now keeps stacks short.
                Merge(top, newObject);
                return older;
            }

            return older.IsUnmergeable ? Stack(older, newer) : newer;
        }

        return newer.IsUnmergeable ? Stack(older, newer) : newer;
    }

    private static HoconDelayedMerge Stack(HoconValue older, HoconValue newer)
    {
        var stack = new List<HoconValue> { newer };
        if (older is HoconDelayedMerge delayed)
        {
            stack.AddRange(delayed.Stack);
        }
        else
        {
            stack.Add(older);
        }

        return new HoconDelayedMerge(newer.Origin, stack);
    }

    /// <summary>Merges two resolved values without mutating either: objects merge, otherwise the newer wins.</summary>
    public static HoconValue MergeResolved(HoconValue newer, HoconValue older)
    {
        if (newer is not HoconObject newObject || older is not HoconObject oldObject)
        {
            return newer;
        }

        var result = new HoconObject(newObject.Origin);
        foreach (var (key, value) in oldObject.Fields)
        {
            result.Set(key, value);
        }

        foreach (var (key, value) in newObject.Fields)
        {
            var existing = result.Get(key);
            result.Set(key, existing is null ? value : MergeResolved(value, existing));
        }

        return result;
    }
}
