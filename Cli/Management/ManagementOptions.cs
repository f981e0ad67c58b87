using System.CommandLine;
using System.Text.Json;

namespace CampaignFlows.Cli.Management;

/// <summary>The <c>--url</c> and <c>--key</c> options shared by the verbs that talk to a running host.</summary>
public sealed class ManagementOptions
{
    /// <summary>Where a local host listens by default.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The key file a local host writes on its first start.</summary>
    public const string KeyFile = ".data/keys.json";

    /// <summary>The host's base URL.</summary>
    public Option<string> Url { get; } = new("--url")
    {
        Description = $"The host's base URL (default {DefaultUrl}).",
        DefaultValueFactory = _ => DefaultUrl,
    };

    /// <summary>The master key.</summary>
    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"The master key (default: the MasterKey environment variable, else the MasterKey in {KeyFile} of the current folder).",
    };

    /// <summary>Adds both options to a verb.</summary>
    public void AddTo(Command command)
    {
        Url.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValue(Url), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                r.AddError($"--url must be an absolute http or https URL, not '{r.GetValue(Url)}'.");
        });
        command.Options.Add(Url);
        command.Options.Add(Key);
    }

    /// <summary>A client for the parsed options.</summary>
    /// <exception cref="InvalidOperationException">No key was given and none can be found.</exception>
    public ManagementApiClient CreateClient(ParseResult parse) => new(new Uri(parse.GetValue(Url)!), parse.GetValue(Key) ?? LocalKey());

    private static string LocalKey()
    {
        if (Environment.GetEnvironmentVariable("MasterKey") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        var path = Path.GetFullPath(KeyFile);
        if (!File.Exists(path))
            throw new InvalidOperationException($"No key given: pass --key, set MasterKey, or run from the folder of a host that wrote {KeyFile}.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("MasterKey", out var key) && key.GetString() is { Length: > 0 } value
            ? value : throw new InvalidOperationException($"{path} has no MasterKey.");
    }
}
