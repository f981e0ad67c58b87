using CampaignFlows.Reliability.Tests.Fixtures;
using Xunit.Abstractions;

namespace CampaignFlows.Reliability.Tests.Faults;

/// <summary>
/// SES misbehaving while a campaign sends, switched over the sandbox's admin API: errors, latency, throttling, a paused
/// account, an exhausted quota. Each campaign finishes (or pauses with a reason) with every recipient accounted for once.
/// </summary>
public sealed class SandboxFaultStorms(ITestOutputHelper output)
{
    private const string Primary = "AKIDMARKETINGPRIMARY";
    private const string Backup = "AKIDMARKETINGBACKUP";

    private static Task<InProcessApp> StartAsync(double primaryRate = 200) =>
        InProcessApp.StartAsync(sandbox: o => o.Accounts[Primary] = o.Accounts[Primary] with { MaxSendRate = primaryRate });

    private void Print(FaultOutcome outcome, InProcessApp app) =>
        output.WriteLine($"{outcome.Status} {outcome.State} reason={outcome.Reason} sent={outcome.Sent.Count} dlq={outcome.DeadLettered.Count} " +
            $"{FaultRun.Statistics(app)}\n{outcome.View.GetProperty("report")}");

    [Fact]
    public async Task TwentyPercentOfCallsFailWith503()
    {
        await using var app = await StartAsync();
        using var admin = new SandboxAdmin(app.Sandbox.Url);
        var outcome = await FaultRun.RunAsync(app, "errors", 1_000, () => admin.PatchAsync(Primary, new { ErrorProbability = 0.2 }), TimeSpan.FromMinutes(2));
        Print(outcome, app);

        Assert.Equal("Completed", outcome.Status);
        FaultRun.AssertNothingLostOrDoubled(outcome);
        Assert.Equal(1_000, outcome.Sent.Count);
        Assert.Empty(outcome.DeadLettered);
    }

    [Fact]
    public async Task LatencySpikesSlowSendingWithoutDoubling()
    {
        await using var app = await StartAsync();
        using var admin = new SandboxAdmin(app.Sandbox.Url);
        var outcome = await FaultRun.RunAsync(app, "latency", 1_500, async () =>
        {
            for (var spike = 1; spike <= 3; spike++)
            {
                await FaultRun.SentAtLeastAsync(app, spike * 300);
                await admin.PatchAsync(Primary, new { LatencyMilliseconds = 2_500 });
                await Task.Delay(TimeSpan.FromSeconds(3));
                await admin.PatchAsync(Primary, new { LatencyMilliseconds = 0 });
            }
        }, TimeSpan.FromMinutes(2));
        Print(outcome, app);

        Assert.Equal("Completed", outcome.Status);
        FaultRun.AssertNothingLostOrDoubled(outcome);
        Assert.Equal(1_500, outcome.Sent.Count);
        Assert.Empty(outcome.DeadLettered);
    }

    /// <summary>SES drops the account's rate to 20/s (below one 50-recipient call) while the app still plans for 200/s.</summary>
    [Fact]
    public async Task ThrottleBurstFarBelowTheConfiguredRate()
    {
        await using var app = await StartAsync();
        using var admin = new SandboxAdmin(app.Sandbox.Url);
        var outcome = await FaultRun.RunAsync(app, "throttled", 400, async () =>
        {
            await FaultRun.SentAtLeastAsync(app, 100);
            await admin.PatchAsync(Primary, new { MaxSendRate = 20 });
        }, TimeSpan.FromMinutes(2));
        Print(outcome, app);

        Assert.Equal("Completed", outcome.Status);
        FaultRun.AssertNothingLostOrDoubled(outcome);
        Assert.Equal(400, outcome.Sent.Count);
        Assert.Empty(outcome.DeadLettered);
    }

    [Fact]
    public async Task AccountPausedMidCampaignFailsOverToTheBackup()
    {
        await using var app = await StartAsync();
        using var admin = new SandboxAdmin(app.Sandbox.Url);
        var outcome = await FaultRun.RunAsync(app, "paused", 1_000, async () =>
        {
            await FaultRun.SentAtLeastAsync(app, 300);
            await admin.PatchAsync(Primary, new { SendingPaused = true });
        }, TimeSpan.FromMinutes(2));
        Print(outcome, app);

        Assert.Equal("Completed", outcome.Status);
        FaultRun.AssertNothingLostOrDoubled(outcome);
        Assert.Equal(1_000, outcome.Sent.Count);
        Assert.Contains(app.Sandbox.State.SentMessages(), m => m.AccessKeyId == Backup);
        Assert.Empty(outcome.DeadLettered);
    }

    /// <summary>
    /// SES lowers both marketing accounts' 24-hour quota mid-campaign (after the app read its limits), so SES itself
    /// refuses: what the quotas allowed is sent, the rest goes to the dead-letter queue with the reason.
    /// </summary>
    [Fact]
    public async Task QuotaExhaustedMidCampaignOnEveryAccountDeadLettersTheRest()
    {
        await using var app = await StartAsync();
        using var admin = new SandboxAdmin(app.Sandbox.Url);
        var outcome = await FaultRun.RunAsync(app, "quota-mid", 1_000, async () =>
        {
            await FaultRun.SentAtLeastAsync(app, 100);
            await admin.PatchAsync(Primary, new { Max24HourSend = 400 });
            await admin.PatchAsync(Backup, new { Max24HourSend = 300 });
        }, TimeSpan.FromMinutes(2), FinishedOrPaused);
        Print(outcome, app);
        AssertQuotaOutcome(outcome, sendable: 700);
    }

    /// <summary>
    /// The accounts' 24-hour quotas are known from the start (the app reads them from SES) and too small for the
    /// audience: the app's own quota gate must not hold the rest silently for a day; it fails over, then dead-letters
    /// or pauses, and says why.
    /// </summary>
    [Fact]
    public async Task QuotaKnownTooSmallOnEveryAccountDeadLettersOrPausesWithAReason()
    {
        await using var app = await InProcessApp.StartAsync(sandbox: o =>
        {
            o.Accounts[Primary] = o.Accounts[Primary] with { MaxSendRate = 200, Max24HourSend = 400 };
            o.Accounts[Backup] = o.Accounts[Backup] with { Max24HourSend = 300 };
        });
        var outcome = await FaultRun.RunAsync(app, "quota-known", 1_000, () => Task.CompletedTask, TimeSpan.FromMinutes(2), FinishedOrPaused);
        Print(outcome, app);
        AssertQuotaOutcome(outcome, sendable: 700);
    }

    private static bool FinishedOrPaused(System.Text.Json.JsonElement view) =>
        CampaignStatus.IsFinished(view) || view.GetProperty("progress").GetProperty("state").GetString() == "paused";

    /// <summary>Finished: exactly the sendable part sent, the rest dead-lettered, with the reason. Paused: a reason, nothing doubled.</summary>
    private static void AssertQuotaOutcome(FaultOutcome outcome, int sendable)
    {
        if (outcome.State == "paused")
        {
            Assert.False(string.IsNullOrWhiteSpace(outcome.Reason), "paused without a reason");
            Assert.All(outcome.Sent.Values, count => Assert.Equal(1, count));
            return;
        }
        Assert.Equal("Completed", outcome.Status);
        FaultRun.AssertNothingLostOrDoubled(outcome);
        Assert.Equal(sendable, outcome.Sent.Count);
        Assert.Equal(outcome.Addresses.Count - sendable, outcome.DeadLettered.Count);
        Assert.False(string.IsNullOrWhiteSpace(outcome.View.GetProperty("report").GetProperty("reason").GetString()));
    }
}
