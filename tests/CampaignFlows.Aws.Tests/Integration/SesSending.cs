using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Tests.Integration;

[Collection(SandboxCollection.Name)]
public class SesSending(SandboxFixture fixture)
{
    private static CreateEmailTemplateRequest Template(string name) => new()
    {
        TemplateName = name,
        TemplateContent = new EmailTemplateContent { Subject = "Hello {{name}}", Text = "Hi {{name}}", Html = "<p>Hi {{name}}</p>" },
    };

    private static SendBulkEmailRequest Bulk(string template, IEnumerable<string> recipients) => new()
    {
        FromEmailAddress = "shop@example.com",
        DefaultContent = new BulkEmailContent { Template = new Template { TemplateName = template, TemplateData = "{\"name\":\"friend\"}" } },
        BulkEmailEntries = recipients.Select(r => new BulkEmailEntry
        {
            Destination = new Destination { ToAddresses = [r] },
            ReplacementEmailContent = new ReplacementEmailContent { ReplacementTemplate = new ReplacementTemplate { ReplacementTemplateData = "{\"name\":\"x\"}" } },
            ReplacementTags = [new MessageTag { Name = "campaign", Value = "c1" }],
        }).ToList(),
    };

    [Fact]
    public async Task SendEmailThenBulkSend_AreAcceptedAndLogged()
    {
        const string key = "AKIDSENDING";
        var ses = fixture.Ses(key);
        await ses.CreateEmailTemplateAsync(Template("welcome"));

        var single = await ses.SendEmailAsync(new SendEmailRequest
        {
            FromEmailAddress = "shop@example.com",
            Destination = new Destination { ToAddresses = ["success@simulator.amazonses.com"] },
            Content = new EmailContent { Simple = new Message { Subject = new Content { Data = "Hi" }, Body = new Body { Text = new Content { Data = "Hello" } } } },
            EmailTags = [new MessageTag { Name = "kind", Value = "transactional" }],
        });
        var bulk = await ses.SendBulkEmailAsync(Bulk("welcome", Enumerable.Range(0, 50).Select(i => $"r{i}@example.com")));

        Assert.False(string.IsNullOrEmpty(single.MessageId));
        Assert.Equal(50, bulk.BulkEmailEntryResults.Count);
        Assert.All(bulk.BulkEmailEntryResults, r => Assert.Equal(BulkEmailStatus.Success, r.Status));
        var logged = fixture.Sandbox.State.SentMessages().Where(m => m.AccessKeyId == key).ToList();
        Assert.Contains(logged, m => m.MessageId == single.MessageId && m.To.SequenceEqual(["success@simulator.amazonses.com"]));
        Assert.Equal(50, logged.Count(m => m.Template == "welcome" && m.Tags.GetValueOrDefault("campaign") == "c1"));
    }

    [Fact]
    public async Task BulkSendWithUnknownTemplate_FailsPermanently()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => fixture.Ses("AKIDNOTEMPLATE").SendBulkEmailAsync(Bulk("missing", ["a@example.com"])));

        Assert.Equal(AwsErrorKind.Permanent, error.Kind);
        Assert.NotNull(error.HttpStatus);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task GetAccount_ReportsProductionDefaults()
    {
        var account = await fixture.Ses("AKIDACCOUNT").GetAccountAsync();

        Assert.Equal(200, account.SendQuota!.MaxSendRate);
        Assert.Equal(1_000_000, account.SendQuota.Max24HourSend);
        Assert.True(account.SendingEnabled);
        Assert.Equal("HEALTHY", account.EnforcementStatus);
    }

    [Fact]
    public async Task RateExceeded_IsThrottled()
    {
        const string key = "AKIDTHROTTLED";
        var ses = fixture.Ses(key);
        await ses.CreateEmailTemplateAsync(Template("t"));
        fixture.Configure(key, o => o with { MaxSendRate = 2 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ses.SendBulkEmailAsync(Bulk("t", ["a@example.com", "b@example.com", "c@example.com"])));

        Assert.Equal(AwsErrorKind.Throttled, error.Kind);
        Assert.Equal("TooManyRequestsException", error.ErrorCode);
        Assert.Equal((System.Net.HttpStatusCode)429, error.HttpStatus);
    }

    [Fact]
    public async Task DailyQuotaUsedUp_IsQuotaExceeded()
    {
        const string key = "AKIDQUOTA";
        var ses = fixture.Ses(key);
        await ses.CreateEmailTemplateAsync(Template("t"));
        fixture.Configure(key, o => o with { Max24HourSend = 2 });
        await ses.SendBulkEmailAsync(Bulk("t", ["a@example.com", "b@example.com"]));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ses.SendBulkEmailAsync(Bulk("t", ["c@example.com"])));

        Assert.Equal(AwsErrorKind.QuotaExceeded, error.Kind);
    }

    [Theory]
    [InlineData("AKIDPAUSED", true, false)]
    [InlineData("AKIDSUSPENDED", false, true)]
    public async Task PausedOrSuspendedAccount_IsAccountPaused(string key, bool paused, bool suspended)
    {
        var ses = fixture.Ses(key);
        await ses.CreateEmailTemplateAsync(Template("t"));
        fixture.Configure(key, o => o with { SendingPaused = paused, Suspended = suspended });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ses.SendBulkEmailAsync(Bulk("t", ["a@example.com"])));

        Assert.Equal(AwsErrorKind.AccountPaused, error.Kind);
    }

    [Fact]
    public async Task InjectedServerErrors_AreTransient()
    {
        const string key = "AKIDFLAKY";
        fixture.Configure(key, o => o with { ErrorProbability = 1 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => fixture.Ses(key).GetAccountAsync());

        Assert.Equal(AwsErrorKind.Transient, error.Kind);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.HttpStatus);
    }

    [Fact]
    public async Task SlowSandbox_TimesOutAsTransient()
    {
        const string key = "AKIDSLOW";
        fixture.Configure(key, o => o with { LatencyMilliseconds = 5_000 });
        var ses = fixture.Clients.CreateSes(fixture.Account(key) with { Timeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ses.GetAccountAsync());

        Assert.Equal("RequestTimeout", error.ErrorCode);
        Assert.Equal(AwsErrorKind.Transient, error.Kind);
    }
}
