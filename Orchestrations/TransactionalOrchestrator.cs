using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Messages;

namespace CampaignFlows.Orchestrations;

/// <summary>Sends one transactional mail: each account carrying its stream in failover order, then the dead-letter queue.</summary>
/// <remarks>
/// The orchestration exists for durability: once the HTTP request has scheduled it, a crash cannot lose the mail.
/// Each try runs at the stream's priority class and spends the account's rate and 24-hour quota tokens, so it
/// overtakes any campaign batch waiting on the same account. Its history is a handful of events.
/// </remarks>
public static class TransactionalOrchestrator
{
    /// <summary>Retries of a transient SES error on one account before failing over; kept short because a caller waits.</summary>
    private static readonly RetryPolicy Transient = new(3, TimeSpan.FromMilliseconds(200), backoffCoefficient: 2);

    /// <summary>The orchestration.</summary>
    [Function(nameof(TransactionalOrchestrator))]
    public static async Task<TransactionalOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var message = context.GetInput<TransactionalMessage>()!;
        var problems = new List<string>();
        foreach (var account in message.Accounts)
        {
            TransactionalAttempt attempt;
            try
            {
                attempt = await context.CallActivityAsync<TransactionalAttempt>(nameof(SendTransactional), new TransactionalSend(message, account), Options(message, account));
            }
            catch (TaskFailedException failure)
            {
                problems.Add($"{account}: {failure.FailureDetails.ErrorMessage}");
                continue;
            }

            if (attempt.MessageId is { } id) return new TransactionalOutcome(TransactionalOutcome.Sent, id, account, null);
            problems.Add($"{account}: {attempt.Problem}");
            if (attempt.Permanent) break;
        }

        var reason = problems.Count == 0 ? $"No account carries stream '{message.Stream}'." : $"No account could send it ({string.Join("; ", problems)}).";
        await context.CallActivityAsync(nameof(DeadLetterTransactional), new TransactionalDeadLetter(message.To, reason), Retries.Transient(10));
        return new TransactionalOutcome(TransactionalOutcome.DeadLettered, null, null, reason);
    }

    /// <summary>The flow controls of one try: the stream's priority class and the account's rate and quota keys.</summary>
    public static TaskOptions Options(TransactionalMessage message, string account) => new(Transient)
    {
        Priority = message.Priority,
        RateLimits = [new RateLimit(MailAccounts.RateKey(account)), new RateLimit(MailAccounts.QuotaKey(account))],
    };
}
