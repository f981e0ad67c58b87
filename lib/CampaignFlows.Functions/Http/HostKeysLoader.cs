using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace CampaignFlows.Functions.Http;

/// <summary>
/// Loads keys from configuration (<c>MasterKey</c>, <c>FunctionKeys:name</c>, optional <c>SystemKeys:durabletask_extension</c>);
/// with none configured, uses a local key file, generating it on the first start.
/// </summary>
internal static class HostKeysLoader
{
    public const string KeyFile = ".data/keys.json";

    /// <summary>The keys from configuration, the key file, or newly generated.</summary>
    public static LoadedKeys Load(IConfiguration configuration, string contentRoot)
    {
        var master = configuration["MasterKey"];
        var functionKeys = configuration.GetSection("FunctionKeys").GetChildren()
            .Where(c => !string.IsNullOrEmpty(c.Value)).ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(master))
            return new LoadedKeys(new HostKeys(master, functionKeys, configuration["SystemKeys:durabletask_extension"] ?? HostKeys.DeriveSystemKey(master)), false);
        if (functionKeys.Count > 0)
            throw new FunctionStartupException("Setting 'MasterKey' is not configured, but function keys are: set MasterKey too (the admin key).");
        return LoadOrCreateFile(Path.Combine(contentRoot, KeyFile));
    }

    private static LoadedKeys LoadOrCreateFile(string path)
    {
        if (File.Exists(path))
        {
            try
            {
                var stored = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path));
                if (stored is { MasterKey.Length: > 0, FunctionKeys: not null })
                    return new LoadedKeys(new HostKeys(stored.MasterKey, stored.FunctionKeys, HostKeys.DeriveSystemKey(stored.MasterKey)), false);
            }
            catch (JsonException e)
            {
                throw new FunctionStartupException($"{KeyFile}: not valid JSON; delete it to generate new keys.", e);
            }
            throw new FunctionStartupException($"{KeyFile}: 'MasterKey' or 'FunctionKeys' is missing; delete the file to generate new keys.");
        }
        var keys = new StoredKeys(HostKeys.NewKey(), new Dictionary<string, string> { ["default"] = HostKeys.NewKey() });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(keys, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new LoadedKeys(new HostKeys(keys.MasterKey, keys.FunctionKeys, HostKeys.DeriveSystemKey(keys.MasterKey)), true);
    }

    private sealed record StoredKeys(string MasterKey, Dictionary<string, string> FunctionKeys);
}

/// <summary>The host's keys, and whether they were generated at this start (to be shown once).</summary>
internal sealed record LoadedKeys(HostKeys Keys, bool Generated);
