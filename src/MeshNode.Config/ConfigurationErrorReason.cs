namespace MeshNode.Config;

/// <summary>What kind of problem a <see cref="ConfigurationException"/> reports.</summary>
public enum ConfigurationErrorReason
{
    /// <summary>The text is not valid HOCON or JSON (unexpected character, unterminated string, unbalanced braces).</summary>
    Syntax,

    /// <summary>An include could not be honoured: a required file is missing, includes nest too deep, or the form is not supported.</summary>
    Include,

    /// <summary>A substitution names a path that is not defined, or resolves to a value that cannot be used there.</summary>
    Substitution,

    /// <summary>Substitutions refer to each other in a cycle that cannot be broken by looking back.</summary>
    Cycle,

    /// <summary>A value has the wrong type or is out of range for the setting that reads it.</summary>
    InvalidValue,

    /// <summary>The input exceeds a safety bound (size, nesting depth, resolution work).</summary>
    LimitExceeded,

    /// <summary>The file could not be read.</summary>
    Io,
}
