namespace MeshNode.Actors;

/// <summary>Rules for actor names given by users.</summary>
internal static class ActorNames
{
    /// <summary>Throws <see cref="InvalidActorNameException"/> for an empty name, one starting with '$', or with characters outside [A-Za-z0-9-_.:@&amp;=+,!~*';].</summary>
    public static void Validate(string name, ActorPath parent)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException($"Actor name under {parent} must not be empty.");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name '{name}' under {parent} must not start with '$' (reserved for generated names).");
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "-_.:@&=+,!~*';".Contains(c, StringComparison.Ordinal)))
            {
                throw new InvalidActorNameException($"Actor name '{name}' under {parent} contains the invalid character '{c}'.");
            }
        }
    }
}
