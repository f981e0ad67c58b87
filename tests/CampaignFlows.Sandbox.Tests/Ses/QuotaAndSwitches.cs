using System.Net;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests.Ses;

public sealed class QuotaAndSwitches
{
    private const string To = "success@" + Support.Ses.Simulator;

    [Fact]
    public async Task DailyQuotaFreesOnlyWhenTheRolling24HoursPass()
    {
        var clock = new ManualClock();
        var options = new SandboxOptions { TimeProvider = clock, DefaultAccount = new AccountOptions { Max24HourSend = 10, MaxSendRate = 1000 } };
        await using var sandbox = await SandboxHost.StartAsync(options);
        using var client = new SandboxClient(sandbox.Url, "AKIDQUOTA");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Enumerable.Repeat(To, 6).ToArray())).Status);
        clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Enumerable.Repeat(To, 4).ToArray())).Status);
        var refused = await client.SendAsync(To);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("LimitExceededException", refused.ErrorType);
        Assert.Equal("Daily message quota exceeded.", refused.ErrorMessage);

        var account = await client.SesAsync(HttpMethod.Get, "/v2/email/account");
        Assert.Equal(10, account.Body.GetProperty("SendQuota").GetProperty("SentLast24Hours").GetDouble());
        Assert.Equal(10, account.Body.GetProperty("SendQuota").GetProperty("Max24HourSend").GetDouble());

        clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(To)).Status);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Enumerable.Repeat(To, 6).ToArray())).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(To)).Status);
        Assert.Equal(3, sandbox.State.GetAccount("AKIDQUOTA", "us-east-1").GetStatistics().QuotaExceededCount);
    }

    [Fact]
    public async Task RateWindowReopensWhenTheClockMovesOneSecond()
    {
        var clock = new ManualClock();
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { TimeProvider = clock, DefaultAccount = new AccountOptions { MaxSendRate = 5 } });
        using var client = new SandboxClient(sandbox.Url, "AKIDCLOCK");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Enumerable.Repeat(To, 5).ToArray())).Status);
        var throttled = await client.SendAsync(To);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal("TooManyRequestsException", throttled.ErrorType);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(To)).Status);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Enumerable.Repeat(To, 5).ToArray())).Status);
    }

    [Fact]
    public async Task PausedAndSuspendedAccountsRefuseToSend()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions());
        using var client = new SandboxClient(sandbox.Url, "AKIDSWITCH");

        var paused = await client.AdminAsync(HttpMethod.Patch, "/_sandbox/accounts/AKIDSWITCH/us-east-1", new { SendingPaused = true });
        Assert.Equal(HttpStatusCode.OK, paused.Status);
        Assert.False(paused.Body.GetProperty("SendingEnabled").GetBoolean());
        var refused = await client.SendAsync(To);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("SendingPausedException", refused.ErrorType);
        Assert.False((await client.SesAsync(HttpMethod.Get, "/v2/email/account")).Body.GetProperty("SendingEnabled").GetBoolean());

        await client.SesAsync(HttpMethod.Put, "/v2/email/account/sending", new { SendingEnabled = true });
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(To)).Status);

        sandbox.State.GetAccount("AKIDSWITCH", "us-east-1").Update(o => o with { Suspended = true });
        var suspended = await client.SendAsync(To);
        Assert.Equal(HttpStatusCode.BadRequest, suspended.Status);
        Assert.Equal("AccountSuspendedException", suspended.ErrorType);
    }

    [Fact]
    public async Task AccountsAndRegionsKeepSeparateCountersAndUnknownKeysGetProductionDefaults()
    {
        var options = new SandboxOptions { Accounts = { ["AKIDBACKUP"] = new AccountOptions { Max24HourSend = 50_000, MaxSendRate = 14, AccountId = "111122223333" } } };
        await using var sandbox = await SandboxHost.StartAsync(options);
        using var client = new SandboxClient(sandbox.Url);

        await client.As("AKIDBACKUP").SendAsync(To, To);
        await client.As("AKIDBACKUP", "eu-west-1").SendAsync(To);

        var backup = (await client.As("AKIDBACKUP").SesAsync(HttpMethod.Get, "/v2/email/account")).Body.GetProperty("SendQuota");
        Assert.Equal(50_000, backup.GetProperty("Max24HourSend").GetDouble());
        Assert.Equal(14, backup.GetProperty("MaxSendRate").GetDouble());
        Assert.Equal(2, backup.GetProperty("SentLast24Hours").GetDouble());
        var backupEu = (await client.As("AKIDBACKUP", "eu-west-1").SesAsync(HttpMethod.Get, "/v2/email/account")).Body.GetProperty("SendQuota");
        Assert.Equal(1, backupEu.GetProperty("SentLast24Hours").GetDouble());
        var stranger = (await client.As("AKIDSTRANGER").SesAsync(HttpMethod.Get, "/v2/email/account")).Body.GetProperty("SendQuota");
        Assert.Equal(1_000_000, stranger.GetProperty("Max24HourSend").GetDouble());
        Assert.Equal(200, stranger.GetProperty("MaxSendRate").GetDouble());
        Assert.Equal(0, stranger.GetProperty("SentLast24Hours").GetDouble());
        Assert.Equal("111122223333", sandbox.State.GetAccount("AKIDBACKUP", "eu-west-1").AccountId);
    }

    [Fact]
    public async Task InjectedErrorsAnswer503AndLatencyDelaysTheAnswer()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions());
        using var client = new SandboxClient(sandbox.Url, "AKIDFAULTY");
        sandbox.State.GetAccount("AKIDFAULTY", "us-east-1").Update(o => o with { ErrorProbability = 1 });

        var failed = await client.SendAsync(To);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal("ServiceUnavailable", failed.ErrorType);
        Assert.NotNull(failed.Header("x-amzn-RequestId"));

        sandbox.State.GetAccount("AKIDFAULTY", "us-east-1").Update(o => o with { ErrorProbability = 0, LatencyMilliseconds = 300 });
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(To)).Status);
        Assert.True(started.ElapsedMilliseconds >= 290, $"answered after {started.ElapsedMilliseconds} ms");
    }
}
