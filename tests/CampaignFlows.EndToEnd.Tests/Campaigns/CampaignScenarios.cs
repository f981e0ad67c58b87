using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.EndToEnd.Tests.Fixtures;

namespace CampaignFlows.EndToEnd.Tests.Campaigns;

/// <summary>Campaign bodies, slow-sending settings and polling helpers shared by the campaign scenarios.</summary>
internal static class CampaignScenarios
{
    public static object Campaign(string id, IEnumerable<object> recipients, object? template = null) => new
    {
        id,
        from = "news@shop.example",
        template = template ?? new { subject = "Hello {{name}}", text = "Hi {{name}}, {{offer}}" },
        recipients,
    };

    public static IEnumerable<object> Recipients(int count, string domain = "example.com") =>
        Enumerable.Range(1, count).Select(i => new { email = $"user{i}@{domain}", name = $"User {i}", data = new { offer = $"code-{i}" } });

    /// <summary>One small batch per wave at a low rate, so a campaign of a few hundred takes seconds and obeys commands mid-way.</summary>
    public static Dictionary<string, string?> SlowSettings(double rate = 20) => new()
    {
        ["Mail:WaveBatches"] = "1",
        ["Mail:BatchSize"] = "10",
        ["Mail:WavesPerGeneration"] = "5",
        ["Mail:Accounts:0:MaxSendRate"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            await Task.Delay(50);
        }
    }

    public static string? State(JsonElement view) =>
        view.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object ? p.GetProperty("state").GetString() : null;

    public static async Task<HttpResponseMessage> CommandAsync(CampaignApp app, string id, string command) =>
        await app.Client.PostAsync($"/api/campaigns/{id}/{command}", null);

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
