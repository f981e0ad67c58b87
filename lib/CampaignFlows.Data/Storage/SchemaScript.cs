using System.Reflection;

namespace CampaignFlows.Data.Storage;

/// <summary>A versioned schema script embedded in this assembly (<c>Storage/Schema/&lt;Provider&gt;/NNN_name.sql</c>).</summary>
internal sealed record SchemaScript(int Version, string Name, string Sql)
{
    /// <summary>The provider's scripts in version order.</summary>
    public static IReadOnlyList<SchemaScript> For(string provider)
    {
        var assembly = typeof(SchemaScript).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.Schema.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)
            .ToList();
    }

    private static SchemaScript Load(Assembly assembly, string resource, string fileName)
    {
        // Resource names of files starting with a digit get a leading underscore from MSBuild.
        var name = fileName.TrimStart('_');
        var version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, name, reader.ReadToEnd());
    }
}
