using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignFlows.Tests.Warmups;

public sealed class PlanEndpointScenarios(PlanHost host) : IClassFixture<PlanHost>
{
    [Fact]
    public async Task SeedExample_OneMillionUsersThreeMailsFiveDays_Gives720000ADayAt25PerSecond()
    {
        var response = await host.Client.PostAsJsonAsync("/api/plan", new { users = 1_000_000, mailsPerUser = 3, campaignDays = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3_000_000, plan.GetProperty("totalMails").GetInt64());
        Assert.Equal(720_000, plan.GetProperty("dailyQuota").GetInt64());
        Assert.Equal(25, plan.GetProperty("sendRate").GetInt64());
        Assert.Equal(300m, plan.GetProperty("cost").GetProperty("recipients").GetDecimal());
        Assert.Equal(5, plan.GetProperty("schedule").GetArrayLength());
        Assert.Contains(plan.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("quota was not checked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaleWithDedicatedIp_PlacesTheWarmupFourWeeksBeforeAndPricesTheIpFromConfiguration()
    {
        var sale = DateTimeOffset.UtcNow.AddDays(60);
        var response = await host.Client.PostAsJsonAsync("/api/plan",
            new { users = 1_000_000, mailsPerUser = 3, campaignDays = 5, saleDate = sale, dedicatedIps = 1, checkQuota = false });

        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sale.AddDays(-28), plan.GetProperty("warmupStartAt").GetDateTimeOffset());
        Assert.Equal(30m, plan.GetProperty("cost").GetProperty("dedicatedIps").GetDecimal());
        Assert.Equal(28 + 5, plan.GetProperty("schedule").GetArrayLength());
        Assert.Empty(plan.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task SaleTooCloseForFourWeeks_AnswersTheShortestSafePlanWithAWarning()
    {
        var response = await host.Client.PostAsJsonAsync("/api/plan",
            new { users = 1_000_000, mailsPerUser = 3, campaignDays = 5, saleDate = DateTimeOffset.UtcNow.AddDays(10), dedicatedIps = 1, checkQuota = false });

        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(plan.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("less than the four weeks", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "users": -5, "mailsPerUser": 3, "campaignDays": 5 }""", "users")]
    [InlineData("""{ "users": 1000, "mailsPerUser": 0, "campaignDays": 5 }""", "mailsPerUser")]
    [InlineData("""{ "users": 1000, "mailsPerUser": 3 }""", "campaignDays")]
    [InlineData("""{ "users": 1000, "mailsPerUser": 3, "campaignDays": 5, "dedicatedIps": -1 }""", "dedicatedIps")]
    [InlineData("""{ "users": 1000, "mailsPerUser": 3, "campaignDays": 5, "attachmentGb": -2 }""", "attachmentGb")]
    public async Task BadNumbers_Answer400NamingTheField(string body, string field)
    {
        var response = await host.Client.PostAsync("/api/plan", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"The problem should name '{field}': {problem}");
    }

    [Fact]
    public async Task MalformedJson_Answers400()
    {
        var response = await host.Client.PostAsync("/api/plan", new StringContent("{ users: ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
