using CampaignFlows.Campaigns;

namespace CampaignFlows.Reliability.Tests.Fixtures;

/// <summary>A content root (host.json, local.settings.json) and the settings pointing the app at a sandbox and a store.</summary>
public static class HostSettings
{
    public const string MasterKey = "reliability-master-key-7f3a";
    public const string FunctionKey = "reliability-function-key-91c2";

    /// <summary>Writes host.json (with a body limit large enough for an inline audience) and local.settings.json.</summary>
    public static string CreateContentRoot(int maxRequestBodyBytes = 64 * 1024 * 1024)
    {
        var root = Directory.CreateTempSubdirectory("cf-rel-").FullName;
        File.WriteAllText(Path.Combine(root, "host.json"), $$"""
            {
              "version": "2.0",
              "logging": { "logLevel": { "default": "Information", "Microsoft.AspNetCore": "Warning", "CampaignFlows.Durable": "Warning" } },
              "extensions": {
                "durableTask": { "hubName": "CampaignFlows", "storageProvider": { "type": "sqlite" }, "maxConcurrentActivityFunctions": 20, "maxConcurrentOrchestratorFunctions": 20 },
                "http": { "routePrefix": "api", "maxRequestBodySize": {{maxRequestBodyBytes}} }
              }
            }
            """);
        File.WriteAllText(Path.Combine(root, "local.settings.json"),
            $$"""{ "IsEncrypted": false, "Values": { "MasterKey": "{{MasterKey}}", "FunctionKeys__default": "{{FunctionKey}}", "Warmup:DailyStepSchedule": "0 0 9 * * *" } }""");
        return root;
    }

    /// <summary>The embedded accounts pointed at <paramref name="sandbox"/>, plus PostgreSQL when asked.</summary>
    public static Dictionary<string, string?> For(Uri sandbox, string? postgres = null)
    {
        var all = new Dictionary<string, string?>(EmbeddedSandbox.Settings(sandbox));
        if (postgres is not null)
        {
            all["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "postgres";
            all["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionStringName"] = "CampaignFlowsDatabase";
            all["CampaignFlowsDatabase"] = postgres;
        }
        return all;
    }

    public static void DeleteQuietly(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A database file still closing is left for the OS temp cleaner.
        }
    }
}
