using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace CampaignFlows.Cli.Demo;

/// <summary>Follows a campaign over <c>GET /api/campaigns/{id}</c> with progress bars until it finishes.</summary>
public static class DemoProgress
{
    /// <summary>Polls until the campaign's orchestration ends; returns its last view.</summary>
    public static async Task<JsonElement> FollowAsync(IAnsiConsole console, HttpClient http, string id, bool quiet, CancellationToken cancellation)
    {
        if (quiet) return await PollAsync(http, id, _ => { }, cancellation);
        JsonElement view = default;
        await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var sent = progress.AddTask("sent", maxValue: CampaignDemo.AudienceSize);
                var feedback = progress.AddTask("bounced + complained", maxValue: CampaignDemo.AudienceSize / 50.0);
                view = await PollAsync(http, id, current =>
                {
                    if (!current.TryGetProperty("progress", out var p) || p.ValueKind != JsonValueKind.Object) return;
                    sent.Value = Number(p, "sent");
                    feedback.Value = Math.Min(feedback.MaxValue, Number(p, "bounced") + Number(p, "complained"));
                    sent.Description = $"sent ({Number(p, "rate"):N0}/s)";
                }, cancellation);
                sent.Value = sent.MaxValue;
                feedback.Value = feedback.MaxValue;
            });
        return view;
    }

    private static async Task<JsonElement> PollAsync(HttpClient http, string id, Action<JsonElement> show, CancellationToken cancellation)
    {
        while (true)
        {
            var response = await http.GetAsync($"api/campaigns/{id}", cancellation);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var view = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation);
                show(view);
                if (view.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated") return view;
            }
            await Task.Delay(250, cancellation);
        }
    }

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
