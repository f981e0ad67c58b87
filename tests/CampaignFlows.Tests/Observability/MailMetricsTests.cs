using CampaignFlows.Observability;

namespace CampaignFlows.Tests.Observability;

public sealed class MailMetricsTests
{
    [Fact]
    public void Record_SentFailedThrottled_CountsEachPerAccountAndCampaign()
    {
        using var capture = new MetricCapture();
        var metrics = new MailMetrics(capture.Meters);

        metrics.Record("primary", "sale", sent: 48, failed: 1, throttled: 1);
        metrics.Record("primary", "sale", sent: 50, failed: 0, throttled: 0);
        metrics.Record("backup", "sale", sent: 7, failed: 0, throttled: 0);

        Assert.Equal(98, capture.Sum("campaignflows_mails_sent_total", ("account", "primary"), ("campaign", "sale")));
        Assert.Equal(7, capture.Sum("campaignflows_mails_sent_total", ("account", "backup")));
        Assert.Equal(1, capture.Sum("campaignflows_mails_failed_total", ("account", "primary")));
        Assert.Equal(1, capture.Sum("campaignflows_mails_throttled_total", ("campaign", "sale")));
    }

    [Fact]
    public void Record_NoCampaign_TagsEmptyCampaign()
    {
        using var capture = new MetricCapture();
        new MailMetrics(capture.Meters).Record("transactional", null, sent: 1, failed: 0, throttled: 0);

        Assert.Equal(1, capture.Sum("campaignflows_mails_sent_total", ("account", "transactional"), ("campaign", "")));
    }

    [Fact]
    public void Record_ZeroCounts_RecordsNothing()
    {
        using var capture = new MetricCapture();
        new MailMetrics(capture.Meters).Record("primary", "sale", 0, 0, 0);

        Assert.Equal(0, capture.Count("campaignflows_mails_sent_total"));
        Assert.Equal(0, capture.Count("campaignflows_mails_failed_total"));
        Assert.Equal(0, capture.Count("campaignflows_mails_throttled_total"));
    }

    [Fact]
    public void RecordCall_Duration_RecordsSecondsWithOutcome()
    {
        using var capture = new MetricCapture();
        new MailMetrics(capture.Meters).RecordCall("SendBulkEmail", "primary", "ok", TimeSpan.FromMilliseconds(250));

        Assert.Equal(0.25, capture.Sum("campaignflows_ses_call_duration_seconds", ("operation", "SendBulkEmail"), ("outcome", "ok")), 3);
    }
}
