using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using static CampaignFlows.EndToEnd.Tests.Campaigns.CampaignScenarios;

namespace CampaignFlows.EndToEnd.Tests.Observability;

/// <summary>One trace from the HTTP request that starts a campaign down to each SES call its sends make.</summary>
public sealed class TracesFollowACampaign
{
    private static readonly string[] Sources = ["Microsoft.AspNetCore", "CampaignFlows", "CampaignFlows.Durable"];

    [Fact]
    public async Task AnSesCallDescendsFromItsActivityItsOrchestrationsAndTheStartingRequest()
    {
        var spans = new ConcurrentDictionary<ActivitySpanId, Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span => spans[span.SpanId] = span,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await CampaignApp.StartAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostCampaignAsync(Campaign("traced", Recipients(60)))).StatusCode);
        await app.WaitForCampaignAsync("traced", TimeSpan.FromSeconds(120));

        var chains = spans.Values.Where(s => s.DisplayName == "ses SendBulkEmail").Select(s => Ancestry(s, spans)).ToList();
        var ours = chains.FirstOrDefault(chain => chain.Any(s => s.DisplayName == "orchestration CampaignOrchestrator" && Equals(s.GetTagItem("durable.instance_id"), "traced")));
        Assert.True(ours is not null, "No SES call descends from the campaign's orchestration. Chains seen:\n" +
            string.Join("\n", chains.Select(c => string.Join(" <- ", c.Select(s => s.DisplayName)))));
        Assert.Equal(["ses SendBulkEmail", "activity SendBulkEmail", "orchestration SendWaveOrchestrator", "orchestration CampaignOrchestrator"],
            ours.Take(4).Select(s => s.DisplayName));
        var request = ours.Last();
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.All(ours, s => Assert.Equal(request.TraceId, s.TraceId));
    }

    /// <summary>The span and its recorded ancestors, nearest first.</summary>
    private static List<Activity> Ancestry(Activity span, ConcurrentDictionary<ActivitySpanId, Activity> spans)
    {
        var chain = new List<Activity> { span };
        while (chain.Count < 50 && spans.TryGetValue(chain[^1].ParentSpanId, out var parent)) chain.Add(parent);
        return chain;
    }
}
