namespace MeshNode.Core.Store;

/// <summary>Why the store could not be opened or used.</summary>
public enum MeshStoreErrorReason
{
    /// <summary>The file is not a SQLite database or is damaged.</summary>
    Corrupt,

    /// <summary>The file is a SQLite database that belongs to another program.</summary>
    Foreign,

    /// <summary>The file was written by a newer MeshNode with a schema this one does not know.</summary>
    TooNew,

    /// <summary>The file or its folder cannot be read, written or created.</summary>
    Io,
}
