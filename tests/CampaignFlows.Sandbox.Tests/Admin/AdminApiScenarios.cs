using System.Net;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests.Admin;

public sealed class AdminApiScenarios
{
    [Fact]
    public async Task AdminApiReportsWhatWasSentAndSteersAccounts()
    {
        // A clock that stands still keeps all three sends inside one rate window however slow the machine is.
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { TimeProvider = new ManualClock(), DefaultAccount = new AccountOptions { MaxSendRate = 3, EventTypes = [] } });
        using var client = new SandboxClient(sandbox.Url, "AKIDADMIN");
        await client.SendAsync($"success@{Support.Ses.Simulator}", $"bounce@{Support.Ses.Simulator}");
        await client.As("AKIDOTHERADMIN").SendAsync($"ooto@{Support.Ses.Simulator}");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync("a@example.com", "b@example.com")).Status);

        var messages = await client.AdminAsync(HttpMethod.Get, "/_sandbox/messages?accessKeyId=AKIDADMIN&limit=10");
        var message = Assert.Single(messages.Body.EnumerateArray());
        Assert.Equal("shop@example.com", message.GetProperty("From").GetString());
        Assert.Equal("marketing", message.GetProperty("ConfigurationSet").GetString());
        Assert.Equal("sale", message.GetProperty("Tags").GetProperty("campaign").GetString());
        Assert.Equal(["Delivery", "Bounce"], message.GetProperty("Outcome").EnumerateArray().Select(o => o.GetString()));

        var stats = (await client.AdminAsync(HttpMethod.Get, "/_sandbox/stats")).Body.EnumerateArray()
            .Single(s => s.GetProperty("AccessKeyId").GetString() == "AKIDADMIN");
        Assert.Equal(1, stats.GetProperty("ThrottleCount").GetInt64());
        Assert.Equal(2, stats.GetProperty("MaxRecipientsInAnySecond").GetInt64());
        Assert.Equal(2, stats.GetProperty("SendsPerSecond")[0].GetProperty("Value").GetInt64());

        var updated = await client.AdminAsync(HttpMethod.Patch, "/_sandbox/accounts/AKIDADMIN/us-east-1", new { MaxSendRate = 10 });
        Assert.Equal(10, updated.Body.GetProperty("MaxSendRate").GetDouble());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync("a@example.com", "b@example.com")).Status);
        var invalid = await client.AdminAsync(HttpMethod.Patch, "/_sandbox/accounts/AKIDADMIN/us-east-1", new { ErrorProbability = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("ErrorProbability", invalid.ErrorMessage);
        var misspelt = await client.AdminAsync(HttpMethod.Patch, "/_sandbox/accounts/AKIDADMIN/us-east-1", new { maxSendRate = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.Status);
        Assert.Contains("maxSendRate", misspelt.ErrorMessage);
        Assert.Equal(10, (await client.AdminAsync(HttpMethod.Get, "/_sandbox/accounts")).Body.EnumerateArray()
            .Single(a => a.GetProperty("AccessKeyId").GetString() == "AKIDADMIN").GetProperty("MaxSendRate").GetDouble());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.AdminAsync(HttpMethod.Get, "/_sandbox/messages?limit=none")).Status);

        var accounts = await client.AdminAsync(HttpMethod.Get, "/_sandbox/accounts");
        Assert.Contains(accounts.Body.EnumerateArray(), a => a.GetProperty("AccessKeyId").GetString() == "AKIDOTHERADMIN");
        Assert.Equal(HttpStatusCode.NoContent, (await client.AdminAsync(HttpMethod.Post, "/_sandbox/reset")).Status);
        Assert.Empty((await client.AdminAsync(HttpMethod.Get, "/_sandbox/messages")).Body.EnumerateArray());
        Assert.Equal(0, sandbox.State.GetAccount("AKIDADMIN", "us-east-1").GetStatistics().ThrottleCount);
    }
}
