namespace CampaignFlows.Testing;

/// <summary>
/// A content root for the app in a test or benchmark: host.json and a local.settings.json carrying known keys, the way
/// a developer's checkout has them.
/// </summary>
public static class AppContentRoot
{
    /// <summary>A new temporary folder with local.settings.json and either <paramref name="hostJson"/> or the build's host.json.</summary>
    public static string Create(string prefix, string masterKey, string functionKey, string? hostJson = null)
    {
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        if (hostJson is not null) File.WriteAllText(Path.Combine(root, "host.json"), hostJson);
        else CopyBuildHostJson(root);
        WriteLocalSettings(root, masterKey, functionKey);
        return root;
    }

    /// <summary>
    /// The Values every test host needs: its keys, and a warm-up schedule that cannot fire during a test (the
    /// default would step warm-ups at start-up on a fresh store).
    /// </summary>
    public static void WriteLocalSettings(string root, string masterKey, string functionKey) =>
        File.WriteAllText(Path.Combine(root, "local.settings.json"),
            $$"""{ "IsEncrypted": false, "Values": { "MasterKey": "{{masterKey}}", "FunctionKeys__default": "{{functionKey}}", "Warmup:DailyStepSchedule": "0 0 9 * * *" } }""");

    /// <summary>Copies the host.json the app's build put beside the test assembly, when there is one.</summary>
    public static void CopyBuildHostJson(string root)
    {
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (File.Exists(hostJson)) File.Copy(hostJson, Path.Combine(root, "host.json"), overwrite: true);
    }

    /// <summary>
    /// A host.json for a host under test: 20 concurrent activities (so a crash has a known in-flight bound of 20 x 50
    /// recipients) and a request body limit large enough for an inline audience.
    /// </summary>
    public static string HostJson(int maxRequestBodyBytes = 64 * 1024 * 1024, string logLevel = "Information") => $$"""
        {
          "version": "2.0",
          "logging": { "logLevel": { "default": "{{logLevel}}", "Microsoft.AspNetCore": "Warning", "System.Net.Http.HttpClient": "Warning", "CampaignFlows.Durable": "Warning" } },
          "extensions": {
            "durableTask": { "hubName": "CampaignFlows", "storageProvider": { "type": "sqlite" }, "maxConcurrentActivityFunctions": 20, "maxConcurrentOrchestratorFunctions": 20 },
            "http": { "routePrefix": "api", "maxRequestBodySize": {{maxRequestBodyBytes}} }
          }
        }
        """;

    /// <summary>Deletes the folder; a store file still closing is left for the OS temp cleaner.</summary>
    public static void DeleteQuietly(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Still open by a process that is exiting; the temp cleaner removes it later.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: a file another process holds.
        }
    }
}
