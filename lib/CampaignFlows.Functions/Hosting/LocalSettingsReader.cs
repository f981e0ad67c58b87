using System.Globalization;
using System.Text.Json;

namespace CampaignFlows.Functions.Hosting;

/// <summary>
/// Reads local.settings.json as <c>func start</c> does: <c>Values</c> become configuration keys (<c>__</c> nests like <c>:</c>),
/// <c>ConnectionStrings</c> become <c>ConnectionStrings:name</c>, and <c>Host.LocalHttpPort</c> becomes <c>Host:LocalHttpPort</c>.
/// </summary>
internal static class LocalSettingsReader
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    /// <summary>The configuration keys of the file; empty when it does not exist.</summary>
    /// <param name="path">The file.</param>
    /// <param name="knownValues">The settings the app reads (the sample file's Values); others are warned about. Null to skip the check.</param>
    /// <param name="warnings">Receives the warnings.</param>
    /// <exception cref="FunctionStartupException">The file is malformed or encrypted; the message names the file and key.</exception>
    public static Dictionary<string, string?> Read(string path, IReadOnlySet<string>? knownValues, List<string> warnings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return values;
        var file = new ConfigFile(FileName);
        var root = file.Parse(File.ReadAllText(path));
        file.NoteUnknown(root, "", "IsEncrypted", "Values", "Host", "ConnectionStrings");

        if (file.Boolean(root, "", "IsEncrypted") == true)
            throw file.Wrong("IsEncrypted", "is true; this host reads plain values only: decrypt the file (func settings decrypt) or set it to false.");
        if (file.Object(root, "", "Values") is { } settings)
            foreach (var setting in settings.EnumerateObject())
            {
                values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = Scalar(file, $"Values.{setting.Name}", setting.Value);
                if (knownValues is not null && !knownValues.Contains(setting.Name)) file.UnknownKeys.Add($"Values.{setting.Name}");
            }
        if (file.Object(root, "", "ConnectionStrings") is { } connections)
            foreach (var connection in connections.EnumerateObject())
                values[$"ConnectionStrings:{connection.Name}"] = Scalar(file, $"ConnectionStrings.{connection.Name}", connection.Value);
        if (file.Object(root, "", "Host") is { } host)
        {
            file.NoteUnknown(host, "Host", "LocalHttpPort", "CORS", "CORSCredentials");
            if (file.Integer(host, "Host", "LocalHttpPort", 1, 65535) is { } port) values["Host:LocalHttpPort"] = port.ToString(CultureInfo.InvariantCulture);
        }
        warnings.AddRange(file.UnknownKeys.Select(k => $"{FileName}: '{k}' is not used by this host and is ignored."));
        return values;
    }

    /// <summary>The Values keys of the sample file, or null when there is none.</summary>
    public static IReadOnlySet<string>? KnownValues(string samplePath)
    {
        if (!File.Exists(samplePath)) return null;
        var file = new ConfigFile(SampleFileName);
        var root = file.Parse(File.ReadAllText(samplePath));
        var settings = file.Object(root, "", "Values");
        return settings is null ? null : settings.Value.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static string? Scalar(ConfigFile file, string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw file.Wrong(key, "a string", value),
    };
}
