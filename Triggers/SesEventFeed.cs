using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.Suppressions;
using CampaignFlows.Domain;
using CampaignFlows.Functions;

namespace CampaignFlows.Triggers;

/// <summary>
/// Reads SES's event feed (SES -> SNS -> SQS): records each message's outcome on its recipient, counts bounces and
/// complaints per campaign and account for the health gates (both through <see cref="FeedbackRecorder"/>, many events to a
/// transaction), and puts hard bounces and complaints on our suppression
/// list and the sending account's SES suppression list.
/// </summary>
/// <remarks>
/// A message is deleted only after it was processed; one that cannot be read fails and is received again, until the
/// event queue's redrive policy (its <c>maxReceiveCount</c>, set up with the queue as SES's feedback setup has it) moves it
/// to the queue's dead-letter (poison) queue. Processing is idempotent: a redelivered event changes nothing and counts
/// nothing twice. Four receives run at once, so the feed keeps up with a fast campaign's events; a standard SQS queue
/// keeps no order anyway, so nothing here relies on one.
/// </remarks>
public sealed class SesEventFeed(FeedbackRecorder feedback, ISuppressionList suppressions, MailAccounts accounts, TimeProvider time)
{
    /// <summary>The trigger.</summary>
    [Function(nameof(SesEventFeed))]
    public async Task Run([SqsTrigger("%Mail:EventQueueUrl%", BatchSize = 10, MaxReceiveCount = 5, Pollers = 4)] string body, CancellationToken cancellation)
    {
        SesEvent e;
        try
        {
            e = SesEvent.Parse(body);
        }
        catch (FormatException error)
        {
            throw new InvalidDataException($"Unreadable SES event: {error.Message}", error);
        }
        if (e.Kind is not { } kind) return;

        var now = time.GetUtcNow();
        var applied = await feedback.RecordAsync(new RecipientFeedback(e.MessageId, kind, now), cancellation);
        if (kind is FeedbackKind.HardBounce or FeedbackKind.Complaint) await SuppressAsync(e, kind, applied?.Recipient, now, cancellation);
    }

    private async Task SuppressAsync(SesEvent e, FeedbackKind kind, RecipientKey? recipient, DateTimeOffset now, CancellationToken cancellation)
    {
        var reason = kind == FeedbackKind.Complaint ? SuppressionReason.Complaint : SuppressionReason.HardBounce;
        var addresses = e.Recipients.Select(a => EmailAddress.TryParse(a, out var parsed, out _) ? parsed.Value : null).OfType<string>().ToArray();
        if (addresses.Length == 0) return;
        await suppressions.AddAsync([.. addresses.Select(a => new SuppressionEntry(a, reason, recipient?.CampaignId ?? "ses-feedback", now))], cancellation);
        if (recipient?.Account is not { } account || !accounts.All.Any(x => string.Equals(x.Name, account, StringComparison.OrdinalIgnoreCase))) return;
        var ses = accounts.Ses(account);
        foreach (var address in addresses)
        {
            await ses.PutSuppressedDestinationAsync(new PutSuppressedDestinationRequest
            {
                EmailAddress = address,
                Reason = kind == FeedbackKind.Complaint ? SuppressionListReason.Complaint : SuppressionListReason.Bounce,
            }, cancellation);
        }
    }
}
