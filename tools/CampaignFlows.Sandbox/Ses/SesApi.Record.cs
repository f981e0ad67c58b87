using CampaignFlows.Sandbox.Events;

namespace CampaignFlows.Sandbox.Ses;

internal static partial class SesApi
{
    /// <summary>Decides outcomes, feeds the reputation window, logs the message and queues its events.</summary>
    private static string Record(SesCall call, DateTimeOffset now, string operation, string from, List<string> recipients, IReadOnlyDictionary<string, string> tags,
        string? configurationSet, string? template, string? renderingError)
    {
        var account = call.Account;
        var sequence = MessageIds.NextSequence();
        var messageId = MessageIds.Format(now, sequence);
        var outcomes = new RecipientOutcome[recipients.Count];
        Span<bool> bounced = stackalloc bool[recipients.Count];
        var counted = 0;
        for (var i = 0; i < recipients.Count; i++)
        {
            var outcome = renderingError is null ? call.State.Simulator.Decide(recipients[i], account) : RecipientOutcome.RenderingFailure;
            outcomes[i] = outcome;
            if (outcome.CountsForReputation) bounced[counted++] = outcome.Bounced;
        }
        if (counted > 0)
        {
            var options = account.Options;
            account.Reputation.Record(bounced[..counted], options.ReputationWindow, options.ReputationMinimumSample);
        }
        if (call.State.KeepsLog)
        {
            call.State.Log(new LoggedMessage(sequence, now, account, from, recipients, template, configurationSet, tags,
                outcomes.Length == 1 ? outcomes[0].Names : Array.ConvertAll(outcomes, o => o.Name)));
        }
        if (account.Options.EventTypes.Count > 0)
        {
            call.State.Events.Publish(new SentMail(account, operation, messageId, now, from, recipients, outcomes, tags, configurationSet, template, renderingError));
        }
        return messageId;
    }
}
