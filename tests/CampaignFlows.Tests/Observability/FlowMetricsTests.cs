using CampaignFlows.Observability;

namespace CampaignFlows.Tests.Observability;

public sealed class FlowMetricsTests
{
    [Fact]
    public void Update_Snapshot_GaugesReportItsValues()
    {
        using var capture = new MetricCapture();
        var metrics = new FlowMetrics(capture.Meters);
        metrics.Update(new FlowSnapshot(
            [new AccountFlowSample("primary", 14, 3, 0.25), new AccountFlowSample("backup", null, 0, null)],
            new Dictionary<string, long> { ["Running"] = 4, ["Pending"] = 1 },
            new Dictionary<string, long> { ["sale"] = 1_200 }));

        capture.Observe();

        Assert.Equal(14, capture.Sum("campaignflows_rate_limit_tokens_per_second", ("account", "primary")));
        Assert.Equal(0, capture.Sum("campaignflows_rate_limit_tokens_per_second", ("account", "backup")));
        Assert.Equal(3, capture.Sum("campaignflows_rate_limit_running", ("account", "primary")));
        Assert.Equal(0.25, capture.Sum("campaignflows_quota_used_ratio", ("account", "primary")));
        Assert.Equal(4, capture.Sum("campaignflows_orchestrations", ("status", "Running")));
        Assert.Equal(1_200, capture.Sum("campaignflows_campaign_queue_depth", ("campaign", "sale")));
    }

    [Fact]
    public void Latest_BeforeAnySample_IsEmptyAndReportsNothing()
    {
        using var capture = new MetricCapture();
        var metrics = new FlowMetrics(capture.Meters);

        capture.Observe();

        Assert.Same(FlowSnapshot.Empty, metrics.Latest);
        Assert.Equal(0, capture.Count("campaignflows_orchestrations"));
    }
}
