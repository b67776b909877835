namespace MeshNode.Config.Hocon;

/// <summary>
/// Resolves substitutions (HOCON.md, substitutions and self-referential substitutions): lazily,
/// memoized per substitution instance, looking forward to the final value of a path, and looking
/// back down a merge stack when a field refers to itself. Cycles that cannot be broken are reported
/// with the chain of substitutions; optional substitutions treat them as undefined. Work and
/// recursion are bounded so no input can hang the resolver or overflow the stack.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?>? _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(ResolveContext?, HoconDelayedMerge, int), ResolveContext> _contexts = [];
    private readonly Dictionary<(HoconDelayedMerge, int), HoconValue> _below = [];
    private readonly List<HoconSubstitution> _trail = [];
    private int _depth;
    private long _work;

    private HoconResolver(HoconObject root, Func<string, string?>? environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves every substitution in <paramref name="root"/>; <paramref name="environment"/> (may be null) is the fallback for paths not in the tree.</summary>
    public static HoconObject Resolve(HoconObject root, Func<string, string?>? environment)
    {
        if (!root.NeedsResolve)
        {
            return root;
        }

        var resolver = new HoconResolver(root, environment);
        return resolver.ResolveValue(root, null) as HoconObject ?? new HoconObject(root.Origin);
    }

    /// <summary>While an element of a merge stack resolves, lookups that reach the stack see only what is below that element.</summary>
    private sealed class ResolveContext(ResolveContext? parent, HoconDelayedMerge merge, HoconValue replacement)
    {
        public ResolveContext? Parent { get; } = parent;

        public HoconDelayedMerge Merge { get; } = merge;

        public HoconValue Replacement { get; } = replacement;
    }

    private void Tick(long amount = 1)
    {
        _work += amount;
        if (_work > HoconLimits.MaxResolveWork)
        {
            throw new ConfigurationException(
                ConfigurationErrorReason.LimitExceeded,
                $"resolving substitutions takes more than {HoconLimits.MaxResolveWork} steps: the document is too complex",
                _root.Origin.Source);
        }
    }

    private HoconValue? ResolveValue(HoconValue value, ResolveContext? context)
    {
        Tick();
        switch (value)
        {
            case HoconScalar:
                return value;
            case HoconUndefined:
                return null;
            case HoconObject or HoconArray when !value.NeedsResolve:
                return value;
        }

        // HOCON.md: memoized per substitution instance (per node), not per path and not per
        // look-back context, so order-dependent mutual references (a : ${b}, b : ${a} over
        // earlier values) give both fields the same value.
        var key = value;
        if (_memo.TryGetValue(key, out var memo))
        {
            return memo;
        }

        if (!_inProgress.Add(key))
        {
            throw CycleError(value);
        }

        if (++_depth > HoconLimits.MaxResolveDepth)
        {
            _depth--;
            _inProgress.Remove(key);
            throw new ConfigurationException(
                ConfigurationErrorReason.LimitExceeded,
                $"substitutions nest deeper than {HoconLimits.MaxResolveDepth} levels",
                value.Origin.Source,
                value.Origin.Line,
                value.Origin.Column);
        }

        try
        {
            var result = value switch
            {
                HoconObject o => ResolveObject(o, context),
                HoconArray a => ResolveArray(a, context),
                HoconSubstitution s => ResolveSubstitution(s, context),
                HoconConcatenation c => ResolveConcatenation(c, context),
                HoconDelayedMerge m => ResolveMerge(m, context),
                _ => value,
            };
            if (result is not null && result.Depth > 2 * HoconLimits.MaxNestingDepth)
            {
                throw new ConfigurationException(
                    ConfigurationErrorReason.LimitExceeded,
                    $"substitutions build values nested deeper than {2 * HoconLimits.MaxNestingDepth} levels",
                    value.Origin.Source,
                    value.Origin.Line,
                    value.Origin.Column);
            }

            _memo[key] = result;
            return result;
        }
        finally
        {
            _depth--;
            _inProgress.Remove(key);
        }
    }

    private ConfigurationException CycleError(HoconValue at)
    {
        var chain = string.Join(" -> ", _trail.Select(s => $"{s} ({s.Origin})"));
        var origin = at.Origin.Line > 0 ? at.Origin : _trail.Count > 0 ? _trail[^1].Origin : at.Origin;
        return new ConfigurationException(
            ConfigurationErrorReason.Cycle,
            $"substitution cycle: {(chain.Length > 0 ? chain : "a value refers to itself")}",
            origin.Source,
            origin.Line,
            origin.Column);
    }

    private HoconObject ResolveObject(HoconObject obj, ResolveContext? context)
    {
        var result = new HoconObject(obj.Origin);
        foreach (var (key, child) in obj.Fields)
        {
            var resolved = ResolveValue(child, context);
            if (resolved is not null)
            {
                result.Set(key, resolved);
            }
        }

        return result;
    }

    private HoconArray ResolveArray(HoconArray array, ResolveContext? context)
    {
        var result = new HoconArray(array.Origin);
        foreach (var item in array.Items)
        {
            // HOCON.md: an undefined optional substitution as an array element adds no element.
            var resolved = ResolveValue(item, context);
            if (resolved is not null)
            {
                result.Add(resolved);
            }
        }

        return result;
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution, ResolveContext? context)
    {
        _trail.Add(substitution);
        try
        {
            HoconValue? found;
            try
            {
                found = Lookup(substitution, context);
            }
            catch (ConfigurationException e) when (substitution.Optional && e.Reason == ConfigurationErrorReason.Cycle)
            {
                // HOCON.md: a cycle is treated as a missing value by an optional substitution.
                found = null;
            }

            if (found is null && !substitution.Optional)
            {
                throw new ConfigurationException(
                    ConfigurationErrorReason.Substitution,
                    $"could not resolve substitution {substitution}: '{HoconPath.Render(substitution.Path)}' is not defined"
                        + (_environment is null ? string.Empty : " and there is no environment variable of that name")
                        + "; use ${?...} if it may be missing",
                    substitution.Origin.Source,
                    substitution.Origin.Line,
                    substitution.Origin.Column);
            }

            // A simple value found in the tree is attributed to the substitution, where the field
            // was set: that is what provenance should show. Environment values keep their variable.
            return found is HoconScalar scalar && scalar.Origin.Line > 0
                ? new HoconScalar(substitution.Origin, scalar.Kind, scalar.Text)
                : found;
        }
        finally
        {
            _trail.RemoveAt(_trail.Count - 1);
        }
    }

    private HoconValue? Lookup(HoconSubstitution substitution, ResolveContext? context)
    {
        if (substitution.Prefix.Length > 0)
        {
            var relative = LookupPath(HoconPath.Concat(substitution.Prefix, substitution.Path), context);
            if (relative is not null)
            {
                return relative;
            }
        }

        var absolute = LookupPath(substitution.Path, context);
        if (absolute is not null || _environment is null)
        {
            return absolute;
        }

        var name = string.Join('.', substitution.Path);
        var env = _environment(name);
        return env is null ? null : HoconScalar.String(HoconOrigin.Environment(name), env);
    }

    private HoconValue? LookupPath(IReadOnlyList<string> path, ResolveContext? context)
    {
        HoconValue node = _root;
        foreach (var key in path)
        {
            node = Override(node, context);
            if (node.IsUnmergeable)
            {
                var resolved = ResolveValue(node, context);
                if (resolved is null)
                {
                    return null;
                }

                node = resolved;
            }

            if (node is not HoconObject obj || obj.Get(key) is not { } child)
            {
                return null;
            }

            node = child;
        }

        return ResolveValue(Override(node, context), context);
    }

    private static HoconValue Override(HoconValue node, ResolveContext? context)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var c = context; c is not null; c = c.Parent)
            {
                if (ReferenceEquals(c.Merge, node))
                {
                    node = c.Replacement;
                    changed = true;
                    break;
                }
            }
        }

        return node;
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, ResolveContext? context)
    {
        var parts = new List<HoconValue>(concatenation.Parts.Count);
        var defined = 0;
        foreach (var part in concatenation.Parts)
        {
            if (part is HoconScalar { IsWhitespace: true })
            {
                parts.Add(part);
                continue;
            }

            var resolved = ResolveValue(part, context);
            if (resolved is not null)
            {
                parts.Add(resolved);
                defined++;
            }
        }

        if (defined == 0)
        {
            // HOCON.md: `foo : ${?bar}${?baz}` creates no field when both are undefined.
            return null;
        }

        try
        {
            var joined = HoconConcatenator.Join(parts, (acc, next) => acc is null ? next : HoconMerger.MergeResolved(next, acc), concatenation.Origin);
            Tick(joined switch
            {
                HoconScalar s => s.Text.Length,
                HoconArray a => a.Items.Count,
                HoconObject o => o.Count,
                _ => 1,
            });
            return joined;
        }
        catch (ConfigurationException e) when (e.Line == 0)
        {
            var at = concatenation.Origin;
            throw new ConfigurationException(e.Reason == ConfigurationErrorReason.LimitExceeded ? e.Reason : ConfigurationErrorReason.Substitution, e.Detail, at.Source, at.Line, at.Column);
        }
    }

    private HoconValue? ResolveMerge(HoconDelayedMerge merge, ResolveContext? context)
    {
        HoconValue? result = null;
        for (var i = 0; i < merge.Stack.Count; i++)
        {
            if (result is not null and not HoconObject)
            {
                break;
            }

            var element = merge.Stack[i];
            var elementContext = element.IsUnmergeable ? ContextFor(context, merge, i) : context;
            var resolved = ResolveValue(element, elementContext);
            if (resolved is null)
            {
                continue;
            }

            if (result is null)
            {
                result = resolved;
            }
            else if (resolved is HoconObject)
            {
                result = HoconMerger.MergeResolved(result, resolved);
            }
            else
            {
                // A non-object below an object is hidden, and so is everything below it.
                break;
            }
        }

        return result;
    }

    private ResolveContext ContextFor(ResolveContext? parent, HoconDelayedMerge merge, int index)
    {
        if (!_contexts.TryGetValue((parent, merge, index), out var context))
        {
            context = new ResolveContext(parent, merge, Below(merge, index));
            _contexts[(parent, merge, index)] = context;
        }

        return context;
    }

    private HoconValue Below(HoconDelayedMerge merge, int index)
    {
        var count = merge.Stack.Count - index - 1;
        if (count == 0)
        {
            return HoconUndefined.Instance;
        }

        if (count == 1)
        {
            return merge.Stack[^1];
        }

        if (!_below.TryGetValue((merge, index), out var below))
        {
            below = new HoconDelayedMerge(merge.Origin, merge.Stack.GetRange(index + 1, count));
            _below[(merge, index)] = below;
        }

        return below;
    }
}
