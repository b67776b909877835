using MeshNode.Config.Hocon;
using Microsoft.Extensions.Configuration;

namespace MeshNode.Config;

/// <summary>
/// Flattens a resolved HOCON tree into configuration keys: objects nest with ':'
/// (<c>mesh:link:port</c>), array elements are index children (<c>mesh:discovery:static-peers:0</c>),
/// an empty object or array and a HOCON null become a key with a null value. Keeps the file, line
/// and column of every value for <see cref="ConfigurationProvenance"/>.
/// </summary>
internal sealed class HoconConfigurationProvider(HoconConfigurationSource source) : ConfigurationProvider, IConfigurationSourceDescriber
{
    private Dictionary<string, HoconOrigin> _origins = new(StringComparer.OrdinalIgnoreCase);

    public override void Load()
    {
        HoconObject? merged = null;
        foreach (var layer in source.Layers)
        {
            var parsed = layer();
            merged = merged is null ? parsed : (HoconObject)HoconMerger.Merge(merged, parsed);
        }

        var resolved = HoconLoader.Resolve(merged ?? new HoconObject(HoconOrigin.None), source.Environment);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, HoconOrigin>(StringComparer.OrdinalIgnoreCase);
        Flatten(resolved, null, data, origins);
        Data = data;
        _origins = origins;
    }

    public string? DescribeSource(string key) =>
        _origins.TryGetValue(key, out var origin) ? origin.ToString() : null;

    public override string ToString() => $"HOCON {source.Description}";

    private static void Flatten(HoconValue value, string? prefix, Dictionary<string, string?> data, Dictionary<string, HoconOrigin> origins)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0 && prefix is not null)
                {
                    Add(prefix, null, obj.Origin);
                }

                foreach (var (key, child) in obj.Fields)
                {
                    Flatten(child, prefix is null ? key : ConfigurationPath.Combine(prefix, key), data, origins);
                }

                break;
            case HoconArray array:
                if (array.Items.Count == 0 && prefix is not null)
                {
                    Add(prefix, null, array.Origin);
                }

                for (var i = 0; i < array.Items.Count; i++)
                {
                    Flatten(array.Items[i], ConfigurationPath.Combine(prefix ?? string.Empty, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), data, origins);
                }

                break;
            case HoconScalar scalar when prefix is not null:
                Add(prefix, scalar.Kind == HoconScalarKind.Null ? null : scalar.Text, scalar.Origin);
                break;
        }

        void Add(string key, string? text, HoconOrigin origin)
        {
            data[key] = text;
            origins[key] = origin;
        }
    }
}
