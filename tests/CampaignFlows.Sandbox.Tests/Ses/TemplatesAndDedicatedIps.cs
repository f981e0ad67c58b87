using System.Net;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests.Ses;

public sealed class TemplatesAndDedicatedIps
{
    [Fact]
    public async Task BulkSendMergesReplacementDataAndReportsMissingVariablesAsRenderingFailures()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { EventDelayMilliseconds = 0 });
        using var client = new SandboxClient(sandbox.Url, "AKIDTEMPLATE");
        Assert.Equal(HttpStatusCode.OK, (await client.CreateTemplateAsync("welcome", "Hi {{name}}", "Your code is {{ order.code }} from {{shop}}")).Status);

        var bulk = Support.Ses.Bulk("welcome", """{"shop":"Acme"}""",
            ($"success@{Support.Ses.Simulator}", """{"name":"Ann","order":{"code":"A1"}}"""),
            ($"ooto@{Support.Ses.Simulator}", """{"name":"Bob"}"""));
        var sent = await client.SesAsync(HttpMethod.Post, "/v2/email/outbound-bulk-emails", bulk);

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        var results = sent.Body.GetProperty("BulkEmailEntryResults");
        Assert.Equal(2, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), r => Assert.Equal("SUCCESS", r.GetProperty("Status").GetString()));
        var events = await client.ReadEventsAsync(sandbox, 4);
        var failure = Assert.Single(events, e => e.Event.GetProperty("eventType").GetString() == "Rendering Failure").Event;
        Assert.Equal(results[1].GetProperty("MessageId").GetString(), failure.GetProperty("mail").GetProperty("messageId").GetString());
        Assert.Equal("Attribute 'order' is not present in the rendering data.", failure.GetProperty("failure").GetProperty("errorMessage").GetString());
        Assert.Equal("welcome", failure.GetProperty("failure").GetProperty("templateName").GetString());
        Assert.Single(events, e => e.Event.GetProperty("eventType").GetString() == "Delivery");
        Assert.Equal(["Delivery"], sandbox.State.SentMessages()[0].Outcome);
        Assert.Equal("welcome", sandbox.State.SentMessages()[0].Template);
    }

    [Fact]
    public async Task SendEmailAcceptsTemplateAndRawContent()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { DefaultAccount = new AccountOptions { EventTypes = [] } });
        using var client = new SandboxClient(sandbox.Url);
        await client.CreateTemplateAsync("receipt", "Order {{id}}", "Thanks {{name}}");

        var templated = await client.SesAsync(HttpMethod.Post, "/v2/email/outbound-emails", new
        {
            FromEmailAddress = "shop@example.com",
            Destination = new { ToAddresses = new[] { "a@example.com" }, BccAddresses = new[] { "audit@example.com" } },
            Content = new { Template = new { TemplateName = "receipt", TemplateData = """{"id":7}""" } },
        });
        var raw = await client.SesAsync(HttpMethod.Post, "/v2/email/outbound-emails", new
        {
            Destination = new { ToAddresses = new[] { "b@example.com" } },
            Content = new { Raw = new { Data = Convert.ToBase64String("From: raw@example.com\r\nSubject: x\r\n\r\nbody"u8.ToArray()) } },
        });
        var unknown = await client.SesAsync(HttpMethod.Post, "/v2/email/outbound-emails", new
        {
            FromEmailAddress = "shop@example.com",
            Destination = new { ToAddresses = new[] { "a@example.com" } },
            Content = new { Template = new { TemplateName = "missing", TemplateData = "{}" } },
        });

        Assert.Equal(HttpStatusCode.OK, templated.Status);
        Assert.Equal(HttpStatusCode.OK, raw.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        var log = sandbox.State.SentMessages();
        Assert.Equal(["RenderingFailure", "RenderingFailure"], log[0].Outcome);
        Assert.Equal(["a@example.com", "audit@example.com"], log[0].To);
        Assert.Equal("receipt", log[0].Template);
        Assert.Equal("raw@example.com", log[1].From);
        Assert.Equal(3, sandbox.State.GetAccount(client.AccessKeyId, client.Region).GetStatistics().SentLast24Hours);
    }

    [Fact]
    public async Task TemplatesCanBeRenderedListedUpdatedAndDeleted()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions());
        using var client = new SandboxClient(sandbox.Url);
        await client.SesAsync(HttpMethod.Post, "/v2/email/templates",
            new { TemplateName = "promo", TemplateContent = new { Subject = "{{deal}} off", Html = "<b>{{name}}</b> {{{raw}}}" } });

        var rendered = await client.SesAsync(HttpMethod.Post, "/v2/email/templates/promo/render", new { TemplateData = """{"deal":"20%","name":"<Ann>","raw":"<i>x</i>"}""" });
        Assert.Equal(HttpStatusCode.OK, rendered.Status);
        Assert.Contains("Subject: 20% off", rendered.Text("RenderedTemplate"));
        Assert.Contains("<b>&lt;Ann&gt;</b> <i>x</i>", rendered.Text("RenderedTemplate"));
        var missing = await client.SesAsync(HttpMethod.Post, "/v2/email/templates/promo/render", new { TemplateData = """{"deal":"20%"}""" });
        Assert.Equal("BadRequestException", missing.ErrorType);
        Assert.Equal("Attribute 'name' is not present in the rendering data.", missing.ErrorMessage);

        Assert.Equal("AlreadyExistsException", (await client.CreateTemplateAsync("promo", "x", "y")).ErrorType);
        await client.SesAsync(HttpMethod.Put, "/v2/email/templates/promo", new { TemplateContent = new { Subject = "New", Text = "t" } });
        var fetched = await client.SesAsync(HttpMethod.Get, "/v2/email/templates/promo");
        Assert.Equal("New", fetched.Body.GetProperty("TemplateContent").GetProperty("Subject").GetString());
        var listed = await client.SesAsync(HttpMethod.Get, "/v2/email/templates");
        Assert.Equal("promo", listed.Body.GetProperty("TemplatesMetadata")[0].GetProperty("TemplateName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.SesAsync(HttpMethod.Delete, "/v2/email/templates/promo")).Status);
        var gone = await client.SesAsync(HttpMethod.Get, "/v2/email/templates/promo");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("NotFoundException", gone.ErrorType);

        var unknownTemplate = await client.SesAsync(HttpMethod.Post, "/v2/email/outbound-bulk-emails", Support.Ses.Bulk("nope", "{}", ("a@example.com", null)));
        Assert.Equal(HttpStatusCode.NotFound, unknownTemplate.Status);
        Assert.Equal("Template nope does not exist.", unknownTemplate.ErrorMessage);
    }

    [Fact]
    public async Task DedicatedIpsWarmUpAndPoolsKeepTheirScalingMode()
    {
        var options = new SandboxOptions { DefaultAccount = new AccountOptions { DedicatedIps = ["198.51.100.1", "198.51.100.2"] } };
        await using var sandbox = await SandboxHost.StartAsync(options);
        using var client = new SandboxClient(sandbox.Url);

        var ips = await client.SesAsync(HttpMethod.Get, "/v2/email/dedicated-ips");
        Assert.Equal(2, ips.Body.GetProperty("DedicatedIps").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await client.SesAsync(HttpMethod.Put, "/v2/email/dedicated-ips/198.51.100.2/warmup", new { WarmupPercentage = 40 })).Status);
        var ip = (await client.SesAsync(HttpMethod.Get, "/v2/email/dedicated-ips/198.51.100.2")).Body.GetProperty("DedicatedIp");
        Assert.Equal(40, ip.GetProperty("WarmupPercentage").GetInt32());
        Assert.Equal("IN_PROGRESS", ip.GetProperty("WarmupStatus").GetString());
        Assert.Equal("BadRequestException", (await client.SesAsync(HttpMethod.Put, "/v2/email/dedicated-ips/198.51.100.2/warmup", new { WarmupPercentage = 101 })).ErrorType);
        Assert.Equal("NotFoundException", (await client.SesAsync(HttpMethod.Get, "/v2/email/dedicated-ips/203.0.113.9")).ErrorType);

        Assert.Equal(HttpStatusCode.OK, (await client.SesAsync(HttpMethod.Post, "/v2/email/dedicated-ip-pools", new { PoolName = "marketing", ScalingMode = "STANDARD" })).Status);
        await client.SesAsync(HttpMethod.Put, "/v2/email/dedicated-ips/198.51.100.2/pool", new { DestinationPoolName = "marketing" });
        var inPool = await client.SesAsync(HttpMethod.Get, "/v2/email/dedicated-ips?PoolName=marketing");
        Assert.Equal("198.51.100.2", inPool.Body.GetProperty("DedicatedIps")[0].GetProperty("Ip").GetString());
        await client.SesAsync(HttpMethod.Put, "/v2/email/dedicated-ip-pools/marketing/scaling", new { ScalingMode = "MANAGED" });
        var pool = (await client.SesAsync(HttpMethod.Get, "/v2/email/dedicated-ip-pools/marketing")).Body.GetProperty("DedicatedIpPool");
        Assert.Equal("MANAGED", pool.GetProperty("ScalingMode").GetString());
        Assert.Equal("BadRequestException", (await client.SesAsync(HttpMethod.Post, "/v2/email/dedicated-ip-pools", new { PoolName = "x", ScalingMode = "FAST" })).ErrorType);
        var pools = await client.SesAsync(HttpMethod.Get, "/v2/email/dedicated-ip-pools");
        Assert.Equal(["default", "marketing"], pools.Body.GetProperty("DedicatedIpPools").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task SuppressionListCanBeListedAndCleared()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions());
        using var client = new SandboxClient(sandbox.Url);
        await client.SesAsync(HttpMethod.Put, "/v2/email/suppression/addresses", new { EmailAddress = "a@example.com", Reason = "BOUNCE" });
        await client.SesAsync(HttpMethod.Put, "/v2/email/suppression/addresses", new { EmailAddress = "b@example.com", Reason = "COMPLAINT" });

        var complaints = await client.SesAsync(HttpMethod.Get, "/v2/email/suppression/addresses?Reason=COMPLAINT");
        Assert.Equal("b@example.com", Assert.Single(complaints.Body.GetProperty("SuppressedDestinationSummaries").EnumerateArray()).GetProperty("EmailAddress").GetString());
        var one = await client.SesAsync(HttpMethod.Get, "/v2/email/suppression/addresses/a%40example.com");
        Assert.Equal("BOUNCE", one.Body.GetProperty("SuppressedDestination").GetProperty("Reason").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.SesAsync(HttpMethod.Delete, "/v2/email/suppression/addresses/a%40example.com")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SesAsync(HttpMethod.Get, "/v2/email/suppression/addresses/a%40example.com")).Status);
        Assert.Equal("BadRequestException", (await client.SesAsync(HttpMethod.Put, "/v2/email/suppression/addresses", new { EmailAddress = "c@example.com", Reason = "SPAM" })).ErrorType);
    }
}
