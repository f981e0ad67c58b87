using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignFlows.Campaigns;
using Spectre.Console;

namespace CampaignFlows.Cli.Demo;

/// <summary>The demo's report: the campaign's final figures beside the account's rate limit and the transactional burst.</summary>
/// <param name="Audience">Rows in the audience.</param>
/// <param name="Sent">Accepted by SES.</param>
/// <param name="Suppressed">On the suppression list or excluded by policy.</param>
/// <param name="Bounced">Bounced.</param>
/// <param name="Complained">Complained.</param>
/// <param name="Failed">Refused for good, including invalid rows.</param>
/// <param name="DeadLettered">Put on the dead-letter queue.</param>
/// <param name="Duplicates">Rows repeating an address.</param>
/// <param name="Throttles">Throttled batches.</param>
/// <param name="AchievedRate">Sent per second.</param>
/// <param name="RateLimit">The marketing account's per-second limit.</param>
/// <param name="Burst">The transactional burst.</param>
public sealed record DemoReport(long Audience, long Sent, long Suppressed, long Bounced, long Complained, long Failed, long DeadLettered,
    long Duplicates, long Throttles, double AchievedRate, double RateLimit, BurstResult Burst)
{
    /// <summary>The report from the campaign's final view.</summary>
    public static DemoReport From(JsonElement view, BurstResult burst)
    {
        var report = view.GetProperty("report").Deserialize<CampaignReport>(Durable.DurableJson.Options)!;
        var limit = EmbeddedSandbox.Accounts.First(a => a.Stream == "marketing").Rate;
        return new DemoReport(report.Audience, report.Sent, report.Suppressed + report.Blocked, report.Bounced, report.Complained,
            report.Failed + report.Rejected, report.DeadLettered, report.Duplicates, report.Throttles, report.AchievedRate, limit, burst);
    }

    /// <summary>The report as one JSON line with the documented keys.</summary>
    public string ToJson() => new JsonObject
    {
        ["audience"] = Audience, ["sent"] = Sent, ["suppressed"] = Suppressed, ["bounced"] = Bounced, ["complained"] = Complained,
        ["failed"] = Failed, ["dead_lettered"] = DeadLettered, ["duplicates"] = Duplicates, ["throttles"] = Throttles,
        ["achieved_rate"] = Math.Round(AchievedRate, 1), ["rate_limit"] = RateLimit,
        ["transactional_sent"] = Burst.Sent, ["transactional_p99_ms"] = Math.Round(Burst.P99Ms, 1),
    }.ToJsonString();

    /// <summary>Writes the report as a table.</summary>
    public void Write(IAnsiConsole console)
    {
        var table = new Table().AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        void Row(string name, string value) => table.AddRow(name, value);
        Row("audience", $"{Audience:N0}");
        Row("sent", $"{Sent:N0}");
        Row("suppressed", $"{Suppressed:N0}");
        Row("bounced", $"{Bounced:N0}");
        Row("complained", $"{Complained:N0}");
        Row("failed (incl. invalid rows)", $"{Failed:N0}");
        Row("dead-lettered", $"{DeadLettered:N0}");
        Row("duplicates", $"{Duplicates:N0}");
        Row("throttles", $"{Throttles:N0}");
        Row("achieved rate", $"{AchievedRate:N0}/s of {RateLimit:N0}/s ({AchievedRate / RateLimit:P0})");
        Row("transactional burst", $"{Burst.Sent}/{Burst.Posted} sent, p99 {Burst.P99Ms:N0} ms");
        console.Write(table);
    }
}
