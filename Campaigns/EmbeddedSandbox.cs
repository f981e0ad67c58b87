using CampaignFlows.Sandbox;
using Microsoft.Extensions.Configuration;

namespace CampaignFlows.Campaigns;

/// <summary>
/// The embedded default: with no SES account configured, the app starts the SES + SQS sandbox in-process and sends
/// through it, so the demo and a first <c>start</c> need no AWS account.
/// </summary>
/// <remarks>
/// Three sandbox accounts model the usual set-up: a primary marketing account, a small backup with a 50,000 quota
/// (the one that ran dry in the user's story) and a transactional account kept apart so a bounce spike in marketing
/// cannot pause password resets. They share one AWS account id, so their SES events land on one SQS queue.
/// </remarks>
public static class EmbeddedSandbox
{
    /// <summary>The AWS account id the sandbox accounts share.</summary>
    public const string AccountId = "000000000000";

    /// <summary>The region they live in.</summary>
    public const string Region = "us-east-1";

    /// <summary>The SQS queue receiving their SES events.</summary>
    public const string EventQueue = "ses-events";

    /// <summary>The embedded accounts: name, access key id, streams, failover order, rate, 24-hour quota.</summary>
    public static IReadOnlyList<(string Name, string KeyId, string Stream, int Order, double Rate, double Quota)> Accounts { get; } =
    [
        ("marketing-primary", "AKIDMARKETINGPRIMARY", "marketing", 0, 1_000, 5_000_000),
        ("marketing-backup", "AKIDMARKETINGBACKUP", "marketing", 1, 100, 50_000),
        ("transactional", "AKIDTRANSACTIONAL", "transactional", 0, 100, 1_000_000),
    ];

    /// <summary>True when the configuration names no mail account.</summary>
    public static bool IsNeeded(IConfiguration configuration) =>
        !configuration.GetSection($"{MailOptions.Section}:Accounts").GetChildren().Any();

    /// <summary>Sandbox options for the embedded accounts; callers may adjust them (e.g. per-domain outcomes) before starting.</summary>
    public static SandboxOptions CreateOptions()
    {
        var options = new SandboxOptions { Regions = [Region] };
        foreach (var (_, keyId, _, _, rate, quota) in Accounts)
            options.Accounts[keyId] = new AccountOptions { AccountId = AccountId, MaxSendRate = rate, Max24HourSend = quota, EventQueueName = EventQueue };
        return options;
    }

    /// <summary>Starts the sandbox when no account is configured, and points the mail settings at it.</summary>
    /// <returns>The started sandbox, to dispose with the host; null when real accounts are configured.</returns>
    public static SandboxHost? StartIfNeeded(IConfigurationManager configuration)
    {
        if (!IsNeeded(configuration)) return null;
        var sandbox = SandboxHost.StartAsync(CreateOptions()).GetAwaiter().GetResult();
        Configure(configuration, sandbox.Url);
        return sandbox;
    }

    /// <summary>Points the mail settings at a running sandbox that has the embedded accounts.</summary>
    public static void Configure(IConfigurationBuilder configuration, Uri sandboxUrl) => configuration.AddInMemoryCollection(Settings(sandboxUrl));

    /// <summary>The mail settings (configuration keys and values) for a running sandbox that has the embedded accounts.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(Uri sandboxUrl)
    {
        var settings = new Dictionary<string, string?>();
        var url = sandboxUrl.ToString().TrimEnd('/');
        for (var i = 0; i < Accounts.Count; i++)
        {
            var (name, keyId, stream, order, rate, quota) = Accounts[i];
            var prefix = $"{MailOptions.Section}:Accounts:{i}:";
            settings[prefix + "Name"] = name;
            settings[prefix + "Region"] = Region;
            settings[prefix + "ServiceUrl"] = url;
            settings[prefix + "AccessKeyId"] = keyId;
            settings[prefix + "SecretAccessKey"] = "sandbox-secret";
            settings[prefix + "Streams:0"] = stream;
            settings[prefix + "FailoverOrder"] = order.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[prefix + "MaxSendRate"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[prefix + "Max24HourSend"] = quota.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[prefix + "EventQueueUrl"] = $"{url}/{AccountId}/{EventQueue}";
        }
        settings[$"{MailOptions.Section}:EventQueueUrl"] = $"{url}/{AccountId}/{EventQueue}";
        settings["Aws:Region"] = Region;
        settings["Aws:ServiceUrl"] = url;
        settings["Aws:AccessKeyId"] = Accounts[0].KeyId;
        settings["Aws:SecretAccessKey"] = "sandbox-secret";
        return settings;
    }
}
