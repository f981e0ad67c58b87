using System.Net;
using System.Text.Json;
using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Tests.Ses;

public class SesV2ClientTests
{
    private static SendBulkEmailRequest Bulk(int entries) => new()
    {
        FromEmailAddress = "shop@example.com",
        DefaultContent = new BulkEmailContent { Template = new Template { TemplateName = "sale", TemplateData = "{\"name\":\"friend\"}" } },
        BulkEmailEntries = Enumerable.Range(0, entries).Select(i => new BulkEmailEntry
        {
            Destination = new Destination { ToAddresses = [$"r{i}@example.com"] },
            ReplacementEmailContent = new ReplacementEmailContent { ReplacementTemplate = new ReplacementTemplate { ReplacementTemplateData = $"{{\"name\":\"r{i}\"}}" } },
        }).ToList(),
        ConfigurationSetName = "events",
    };

    [Fact]
    public async Task SendBulkEmailAsync_TwoEntries_PostsModelJsonSignedForSes()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK,
            """{"BulkEmailEntryResults":[{"Status":"SUCCESS","MessageId":"m-1"},{"Status":"MESSAGE_REJECTED","Error":"Address blacklisted."}]}""");
        var client = TestClients.Ses(handler);

        var response = await client.SendBulkEmailAsync(Bulk(2));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v2/email/outbound-bulk-emails", sent.Uri.AbsolutePath);
        Assert.Equal("application/json", sent.ContentType);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/", sent.Headers["Authorization"]);
        Assert.Contains("/eu-west-1/ses/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=", sent.Headers["Authorization"]);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal("sale", body.RootElement.GetProperty("DefaultContent").GetProperty("Template").GetProperty("TemplateName").GetString());
        var entry = body.RootElement.GetProperty("BulkEmailEntries")[1];
        Assert.Equal("r1@example.com", entry.GetProperty("Destination").GetProperty("ToAddresses")[0].GetString());
        Assert.Equal("{\"name\":\"r1\"}", entry.GetProperty("ReplacementEmailContent").GetProperty("ReplacementTemplate").GetProperty("ReplacementTemplateData").GetString());
        Assert.False(entry.TryGetProperty("ReplacementTags", out _));
        Assert.Equal(["SUCCESS", "MESSAGE_REJECTED"], response.BulkEmailEntryResults.Select(r => r.Status));
        Assert.Equal("m-1", response.BulkEmailEntryResults[0].MessageId);
        Assert.Equal("Address blacklisted.", response.BulkEmailEntryResults[1].Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task SendBulkEmailAsync_EntryCountOutOfRange_ThrowsNamingTheLimit(int entries)
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestClients.Ses(handler).SendBulkEmailAsync(Bulk(entries)));

        Assert.Contains("1 to 50 BulkEmailEntries", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task SendBulkEmailAsync_FewerResultsThanEntries_ThrowsTransientMalformedResponse()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, """{"BulkEmailEntryResults":[{"Status":"SUCCESS"}]}""", ("x-amzn-RequestId", "req-9"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Ses(handler).SendBulkEmailAsync(Bulk(3)));

        Assert.Equal(AwsErrorKind.Transient, error.Kind);
        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.Equal("req-9", error.RequestId);
    }

    [Fact]
    public async Task GetAccountAsync_QuotaAnswer_ReadsSendQuota()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK,
            """{"SendQuota":{"Max24HourSend":1000000.0,"MaxSendRate":200.0,"SentLast24Hours":12.0},"SendingEnabled":true,"EnforcementStatus":"HEALTHY","ProductionAccessEnabled":true,"Details":{"MailType":"MARKETING"}}""");

        var account = await TestClients.Ses(handler).GetAccountAsync();

        Assert.Equal(HttpMethod.Get, handler.Requests[0].Method);
        Assert.Equal("/v2/email/account", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal(1_000_000, account.SendQuota!.Max24HourSend);
        Assert.Equal(200, account.SendQuota.MaxSendRate);
        Assert.Equal(12, account.SendQuota.SentLast24Hours);
        Assert.True(account.SendingEnabled);
        Assert.Equal("HEALTHY", account.EnforcementStatus);
    }

    [Fact]
    public async Task GetSuppressedDestinationAsync_AddressWithPlusAndAt_EncodesPathSegment()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK,
            """{"SuppressedDestination":{"EmailAddress":"a+b@example.com","Reason":"BOUNCE","LastUpdateTime":1700000000.5}}""");

        var response = await TestClients.Ses(handler).GetSuppressedDestinationAsync(new GetSuppressedDestinationRequest { EmailAddress = "a+b@example.com" });

        Assert.Equal("/v2/email/suppression/addresses/a%2Bb%40example.com", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), response.SuppressedDestination!.LastUpdateTime);
    }

    [Fact]
    public async Task ListSuppressedDestinationsAsync_Filters_SendsModelQueryParameters()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, """{"SuppressedDestinationSummaries":[],"NextToken":"n2"}""");

        var page = await TestClients.Ses(handler).ListSuppressedDestinationsAsync(new ListSuppressedDestinationsRequest
        {
            Reasons = ["BOUNCE", "COMPLAINT"],
            StartDate = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            PageSize = 100,
            NextToken = "a b",
        });

        Assert.Equal("?Reason=BOUNCE&Reason=COMPLAINT&StartDate=2026-01-02T03%3A04%3A05Z&NextToken=a%20b&PageSize=100", handler.Requests[0].Uri.Query);
        Assert.Equal("n2", page.NextToken);
    }

    [Fact]
    public async Task PutDedicatedIpWarmupAttributesAsync_Ip_PutsPercentageInBodyAndIpInPath()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");

        await TestClients.Ses(handler).PutDedicatedIpWarmupAttributesAsync(new PutDedicatedIpWarmupAttributesRequest { Ip = "198.51.100.7", WarmupPercentage = 35 });

        Assert.Equal(HttpMethod.Put, handler.Requests[0].Method);
        Assert.Equal("/v2/email/dedicated-ips/198.51.100.7/warmup", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal("""{"WarmupPercentage":35}""", handler.Requests[0].Body);
    }

    [Fact]
    public async Task CreateDedicatedIpPoolAsync_UnknownScalingMode_ThrowsNamingIt()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "{}");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            TestClients.Ses(handler).CreateDedicatedIpPoolAsync(new CreateDedicatedIpPoolRequest { PoolName = "p", ScalingMode = "AUTO" }));

        Assert.Contains("ScalingMode must be STANDARD or MANAGED, not 'AUTO'", error.Message);
    }

    [Fact]
    public async Task UpdateEmailTemplateAsync_Template_PutsContentOnlyInBody()
    {
        var handler = FakeHandler.Returning(HttpStatusCode.OK, "");

        await TestClients.Ses(handler).UpdateEmailTemplateAsync(new UpdateEmailTemplateRequest
        {
            TemplateName = "sale/2026",
            TemplateContent = new EmailTemplateContent { Subject = "Hi {{name}}", Html = "<p>{{name}}</p>" },
        });

        Assert.Equal("/v2/email/templates/sale%2F2026", handler.Requests[0].Uri.AbsolutePath);
        using var body = JsonDocument.Parse(handler.Requests[0].Body);
        Assert.Equal(["TemplateContent"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("<p>{{name}}</p>", body.RootElement.GetProperty("TemplateContent").GetProperty("Html").GetString());
    }
}
