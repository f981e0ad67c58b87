using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CampaignFlows.Observability;

/// <summary>Counters of what SES did with the mail, per account and campaign, with Prometheus-style names.</summary>
/// <remarks>Transactional mail has no campaign; its sends carry <c>campaign=""</c> so the series stays one per account.</remarks>
public sealed class MailMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _callDuration;

    /// <summary>Creates the instruments on the app's meter.</summary>
    public MailMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.Name);
        _sent = meter.CreateCounter<long>("campaignflows_mails_sent_total", "{mail}", "Mails SES accepted.");
        _failed = meter.CreateCounter<long>("campaignflows_mails_failed_total", "{mail}", "Mails SES refused for good.");
        _throttled = meter.CreateCounter<long>("campaignflows_mails_throttled_total", "{mail}", "Mails SES throttled; they are sent again later.");
        _callDuration = meter.CreateHistogram<double>("campaignflows_ses_call_duration_seconds", "s", "Duration of SES send calls.");
    }

    /// <summary>Counts the outcome of one send call.</summary>
    public void Record(string account, string? campaign, int sent, int failed, int throttled)
    {
        var tags = Tags(account, campaign);
        if (sent > 0) _sent.Add(sent, tags);
        if (failed > 0) _failed.Add(failed, tags);
        if (throttled > 0) _throttled.Add(throttled, tags);
    }

    /// <summary>Records how long one SES send call took and how it ended.</summary>
    public void RecordCall(string operation, string account, string outcome, TimeSpan elapsed) =>
        _callDuration.Record(elapsed.TotalSeconds, new TagList { { "operation", operation }, { Telemetry.AccountTag, account }, { "outcome", outcome } });

    private static TagList Tags(string account, string? campaign) => new() { { Telemetry.AccountTag, account }, { Telemetry.CampaignTag, campaign ?? "" } };
}
