using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Reliability.Tests.Fixtures;

namespace CampaignFlows.Reliability.Tests.Faults;

/// <summary>What a campaign run under a fault ended as: its view, what the sandbox accepted, what the DLQ holds.</summary>
public sealed record FaultOutcome(JsonElement View, Dictionary<string, int> Sent, IReadOnlyList<string> DeadLettered, IReadOnlyList<string> Addresses)
{
    public string Status => View.GetProperty("runtimeStatus").GetString()!;

    public string? State => View.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object ? p.GetProperty("state").GetString() : null;

    public string? Reason => View.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("reason", out var r) ? r.GetString() : null;
}

/// <summary>Runs one campaign on an in-process app while a fault is applied, and collects what every check needs.</summary>
public static class FaultRun
{
    public const string DeadLetterQueue = "campaignflows-dead-letters";

    /// <summary>
    /// Posts the campaign, runs <paramref name="fault"/> (which applies the fault and, for a passing one, lifts it), and
    /// waits for <paramref name="until"/> (by default: the orchestration finished).
    /// </summary>
    public static async Task<FaultOutcome> RunAsync(InProcessApp app, string id, int audience, Func<Task> fault, TimeSpan timeout, Func<JsonElement, bool>? until = null)
    {
        using var client = app.Client();
        var post = await client.PostAsJsonAsync("/api/campaigns", CampaignBodies.Campaign(id, CampaignBodies.Recipients(audience)));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        await fault();
        JsonElement view;
        try
        {
            view = await CampaignStatus.WaitAsync(client, id, timeout, until);
        }
        catch (TimeoutException stuck)
        {
            throw new TimeoutException($"{stuck.Message}\nsandbox: {Statistics(app)}\nlast log lines:\n{string.Join('\n', app.Logs.TakeLast(40))}", stuck);
        }
        using var queues = new SandboxQueues(app.Sandbox.Url);
        var dead = (await queues.DrainAsync(DeadLetterQueue))
            .SelectMany(body => JsonDocument.Parse(body).RootElement.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()!)).ToList();
        return new FaultOutcome(view, SentLog.Counts(app.Sandbox), dead, [.. CampaignAssertions.Addresses(audience)]);
    }

    /// <summary>
    /// The finished campaign accounts for everyone once: the report adds up, the sandbox accepted each address at most
    /// once and exactly as many as reported sent, and the DLQ holds exactly the reported dead letters, none of them sent.
    /// </summary>
    public static void AssertNothingLostOrDoubled(FaultOutcome outcome)
    {
        var report = CampaignAssertions.AccountsForEveryone(outcome.View, outcome.Addresses.Count);
        CampaignAssertions.SandboxAgrees(outcome.Sent, outcome.Addresses, report.GetProperty("sent").GetInt64());
        Assert.Equal(report.GetProperty("deadLettered").GetInt64(), outcome.DeadLettered.Count);
        Assert.Equal(outcome.DeadLettered.Count, outcome.DeadLettered.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(outcome.DeadLettered, outcome.Sent.ContainsKey);
    }

    /// <summary>Per account: accepted in 24 hours, 429s and quota refusals.</summary>
    public static string Statistics(InProcessApp app) =>
        string.Join(", ", app.Sandbox.State.Statistics().Select(s => $"{s.AccessKeyId}: sent {s.SentLast24Hours}, 429 {s.ThrottleCount}, quota {s.QuotaExceededCount}"));

    /// <summary>Waits until the sandbox has accepted at least <paramref name="count"/> recipients.</summary>
    public static Task SentAtLeastAsync(InProcessApp app, int count) => SentLog.WaitForAsync(app.Sandbox, count, TimeSpan.FromMinutes(2));
}
