using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions.Hosting;

/// <summary>
/// Reads host.json the way the Functions host does and flattens what this host uses into configuration keys under
/// <c>AzureFunctionsJobHost</c> (so <c>AzureFunctionsJobHost__extensions__http__routePrefix</c> in the environment overrides it)
/// and <c>Logging:LogLevel</c>.
/// </summary>
internal static class HostJsonReader
{
    public const string FileName = "host.json";
    public const string Section = "AzureFunctionsJobHost";

    /// <summary>The configuration keys of the file; empty when it does not exist.</summary>
    /// <exception cref="FunctionStartupException">The file is malformed; the message names the file and key.</exception>
    public static Dictionary<string, string?> Read(string path, List<string> warnings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return values;
        var file = new ConfigFile(FileName);
        var root = file.Parse(File.ReadAllText(path));
        file.NoteUnknown(root, "", "version", "logging", "extensions");

        var version = file.String(root, "", "version");
        if (version is not null && version != "2.0") throw file.Wrong("version", $"is \"{version}\"; this host reads version \"2.0\".");
        if (file.Object(root, "", "logging") is { } logging) ReadLogging(file, logging, values);
        if (file.Object(root, "", "extensions") is { } extensions)
        {
            file.NoteUnknown(extensions, "extensions", "durableTask", "http");
            if (file.Object(extensions, "extensions", "durableTask") is { } durable) ReadDurableTask(file, durable, values);
            if (file.Object(extensions, "extensions", "http") is { } http)
            {
                const string path2 = "extensions.http";
                file.NoteUnknown(http, path2, "routePrefix", "maxRequestBodySize");
                Put(values, path2, "routePrefix", file.String(http, path2, "routePrefix"));
                Put(values, path2, "maxRequestBodySize", file.Integer(http, path2, "maxRequestBodySize", 1, int.MaxValue)?.ToString());
            }
        }
        warnings.AddRange(file.UnknownKeys.Select(k => $"{FileName}: '{k}' is not used by this host and is ignored."));
        return values;
    }

    private static void ReadDurableTask(ConfigFile file, JsonElement durable, Dictionary<string, string?> values)
    {
        const string path = "extensions.durableTask";
        file.NoteUnknown(durable, path, "hubName", "storageProvider", "maxConcurrentActivityFunctions", "maxConcurrentOrchestratorFunctions", "extendedSessionsEnabled", "hostId");
        Put(values, path, "hubName", file.String(durable, path, "hubName"));
        Put(values, path, "hostId", file.String(durable, path, "hostId"));
        Put(values, path, "maxConcurrentActivityFunctions", file.Integer(durable, path, "maxConcurrentActivityFunctions", 1, 10_000)?.ToString());
        Put(values, path, "maxConcurrentOrchestratorFunctions", file.Integer(durable, path, "maxConcurrentOrchestratorFunctions", 1, 10_000)?.ToString());
        Put(values, path, "extendedSessionsEnabled", file.Boolean(durable, path, "extendedSessionsEnabled")?.ToString());
        if (file.Object(durable, path, "storageProvider") is not { } storage) return;
        const string storagePath = path + ".storageProvider";
        file.NoteUnknown(storage, storagePath, "type", "connectionStringName");
        var type = file.String(storage, storagePath, "type");
        if (type is not null && type is not ("sqlite" or "postgres")) throw file.Wrong(storagePath + ".type", $"is \"{type}\"; use \"sqlite\" or \"postgres\".");
        Put(values, storagePath, "type", type);
        Put(values, storagePath, "connectionStringName", file.String(storage, storagePath, "connectionStringName"));
    }

    private static void ReadLogging(ConfigFile file, JsonElement logging, Dictionary<string, string?> values)
    {
        file.NoteUnknown(logging, "logging", "logLevel");
        if (file.Object(logging, "logging", "logLevel") is not { } levels) return;
        foreach (var level in levels.EnumerateObject())
        {
            var key = $"logging.logLevel.{level.Name}";
            if (level.Value.ValueKind != JsonValueKind.String || !Enum.TryParse<LogLevel>(level.Value.GetString(), true, out var parsed))
                throw file.Wrong(key, "a log level (Trace, Debug, Information, Warning, Error, Critical, None)", level.Value);
            var category = string.Equals(level.Name, "default", StringComparison.OrdinalIgnoreCase) ? "Default" : level.Name;
            values[$"Logging:LogLevel:{category}"] = parsed.ToString();
        }
    }

    private static void Put(Dictionary<string, string?> values, string path, string name, string? value)
    {
        if (value is not null) values[$"{Section}:{path.Replace('.', ':')}:{name}"] = value;
    }
}
