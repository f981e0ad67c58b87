using CampaignFlows.Campaigns;

namespace CampaignFlows.Testing;

/// <summary>Configuration that points the app at a sandbox over HTTP and, when asked, at a PostgreSQL database.</summary>
public static class AppSettings
{
    /// <summary>The embedded accounts pointed at <paramref name="sandbox"/>, plus PostgreSQL for engine and data when given.</summary>
    public static Dictionary<string, string?> For(Uri sandbox, string? postgres = null)
    {
        var all = new Dictionary<string, string?>(EmbeddedSandbox.Settings(sandbox));
        if (postgres is not null) UsePostgres(all, postgres);
        return all;
    }

    /// <summary>Switches the store to PostgreSQL (engine and data share the connection string).</summary>
    public static void UsePostgres(IDictionary<string, string?> settings, string connectionString)
    {
        settings["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "postgres";
        settings["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionStringName"] = "CampaignFlowsDatabase";
        settings["CampaignFlowsDatabase"] = connectionString;
    }

    /// <summary>Sets the send rate the app is configured with for the embedded account <paramref name="accessKeyId"/>.</summary>
    public static void SetAccountRate(IDictionary<string, string?> settings, string accessKeyId, double rate) =>
        settings[$"{Account(accessKeyId)}:MaxSendRate"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sets the send rate and the 24-hour quota the app is configured with for the embedded account <paramref name="accessKeyId"/>.</summary>
    public static void SetAccountLimits(IDictionary<string, string?> settings, string accessKeyId, double rate, double max24HourSend)
    {
        SetAccountRate(settings, accessKeyId, rate);
        settings[$"{Account(accessKeyId)}:Max24HourSend"] = max24HourSend.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The configuration section of the embedded account <paramref name="accessKeyId"/>.</summary>
    private static string Account(string accessKeyId)
    {
        var index = EmbeddedSandbox.Accounts.ToList().FindIndex(a => a.KeyId == accessKeyId);
        if (index < 0) throw new ArgumentException($"No embedded account has access key id {accessKeyId}.", nameof(accessKeyId));
        return $"{MailOptions.Section}:Accounts:{index}";
    }

    /// <summary>The settings as command-line arguments (<c>--key=value</c>), which the host reads as configuration.</summary>
    public static IEnumerable<string> ToArguments(IEnumerable<KeyValuePair<string, string?>> settings) => settings.Select(p => $"--{p.Key}={p.Value}");
}
