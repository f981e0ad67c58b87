using CampaignFlows.Campaigns;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>Puts a transactional mail no account could send on the SQS dead-letter queue, with the reason.</summary>
public sealed class DeadLetterTransactional(DeadLetterQueue deadLetters)
{
    /// <summary>The activity.</summary>
    [Function(nameof(DeadLetterTransactional))]
    public async Task Run([ActivityTrigger] TransactionalDeadLetter letter, CancellationToken cancellation) =>
        await deadLetters.SendAsync(null, [letter.To], letter.Reason, cancellation);
}

/// <summary>A transactional mail for the dead-letter queue.</summary>
/// <param name="To">The recipient.</param>
/// <param name="Reason">Why no account sent it.</param>
public sealed record TransactionalDeadLetter(string To, string Reason);
