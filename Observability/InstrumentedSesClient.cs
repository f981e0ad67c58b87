using System.Diagnostics;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Observability;

/// <summary>An SES client that counts every send's outcome per account and campaign and wraps each send call in a client span.</summary>
/// <remarks>The campaign comes from the <c>campaign</c> message tag the send activity sets, so no caller changes; recipient addresses
/// never reach a tag or a metric.</remarks>
public sealed partial class InstrumentedSesClient(ISesClient inner, MailMetrics metrics) : ISesClient
{
    /// <summary>The SES message tag naming the campaign (see <c>SendBulkEmail.CampaignTag</c>).</summary>
    public const string CampaignMessageTag = "campaign";

    /// <inheritdoc/>
    public AwsAccountOptions Account => inner.Account;

    /// <inheritdoc/>
    public async Task<SendBulkEmailResponse> SendBulkEmailAsync(SendBulkEmailRequest request, CancellationToken cancellationToken = default)
    {
        var campaign = CampaignOf(request.DefaultEmailTags);
        using var span = StartSpan(nameof(SendBulkEmailAsync), campaign, request.BulkEmailEntries.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await inner.SendBulkEmailAsync(request, cancellationToken).ConfigureAwait(false);
            var (sent, failed, throttled) = Tally(response, request.BulkEmailEntries.Count);
            metrics.Record(Account.Name, campaign, sent, failed, throttled);
            End(span, "SendBulkEmail", started, failed + throttled == 0 ? "ok" : "partial");
            span?.SetTag("ses.sent", sent);
            return response;
        }
        catch (AwsServiceException error)
        {
            OnFailure(span, "SendBulkEmail", started, campaign, request.BulkEmailEntries.Count, error);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<SendEmailResponse> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken = default)
    {
        var campaign = CampaignOf(request.EmailTags);
        using var span = StartSpan(nameof(SendEmailAsync), campaign, 1);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await inner.SendEmailAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.Record(Account.Name, campaign, 1, 0, 0);
            End(span, "SendEmail", started, "ok");
            return response;
        }
        catch (AwsServiceException error)
        {
            OnFailure(span, "SendEmail", started, campaign, 1, error);
            throw;
        }
    }

    /// <summary>Counts a response's entries: accepted, refused for good, and throttled or transient (sent again later).</summary>
    public static (int Sent, int Failed, int Throttled) Tally(SendBulkEmailResponse response, int requested)
    {
        var (sent, failed, throttled) = (0, 0, 0);
        for (var i = 0; i < requested; i++)
        {
            var entry = i < response.BulkEmailEntryResults.Count ? response.BulkEmailEntryResults[i] : null;
            switch (entry is null ? AwsErrorKind.Transient : BulkEmailStatus.ToErrorKind(entry.Status, entry.Error))
            {
                case null: sent++; break;
                case AwsErrorKind.Permanent: failed++; break;
                default: throttled++; break;
            }
        }
        return (sent, failed, throttled);
    }

    private void OnFailure(Activity? span, string operation, long started, string? campaign, int entries, AwsServiceException error)
    {
        if (error.Kind == AwsErrorKind.Permanent) metrics.Record(Account.Name, campaign, 0, entries, 0);
        else metrics.Record(Account.Name, campaign, 0, 0, entries);
        span?.SetTag("error.type", error.ErrorCode);
        span?.SetStatus(ActivityStatusCode.Error, error.Kind.ToString());
        metrics.RecordCall(operation, Account.Name, error.Kind.ToString().ToLowerInvariant(), Stopwatch.GetElapsedTime(started));
    }

    private void End(Activity? span, string operation, long started, string outcome)
    {
        span?.SetTag("outcome", outcome);
        metrics.RecordCall(operation, Account.Name, outcome, Stopwatch.GetElapsedTime(started));
    }

    private Activity? StartSpan(string method, string? campaign, int entries)
    {
        var span = Telemetry.Source.StartActivity($"ses {method.Replace("Async", "", StringComparison.Ordinal)}", ActivityKind.Client);
        if (span is null) return null;
        span.SetTag("rpc.system", "aws-api");
        span.SetTag("rpc.service", "SESv2");
        span.SetTag(Telemetry.AccountTag, Account.Name);
        span.SetTag("cloud.region", Account.Region);
        span.SetTag("ses.entries", entries);
        if (campaign is not null) span.SetTag(Telemetry.InstanceIdTag, campaign);
        return span;
    }

    private static string? CampaignOf(IReadOnlyList<MessageTag>? tags) =>
        tags?.FirstOrDefault(t => string.Equals(t.Name, CampaignMessageTag, StringComparison.Ordinal))?.Value;
}
