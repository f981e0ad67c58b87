using CampaignFlows.Campaigns;
using CampaignFlows.Data.State;
using CampaignFlows.Domain;
using CampaignFlows.Durable;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>
/// Chooses the account for a stream from the failover order and each account's circuit, shared by all hosts, with the
/// send rate in force for it now (the engine's flow limit, lowered while SES throttles), which sizes the wave's batches.
/// </summary>
public sealed class ChooseAccount(MailAccounts accounts, IAccountCircuits circuits, DurableTaskClient engine, TimeProvider time)
{
    /// <summary>The activity.</summary>
    [Function(nameof(ChooseAccount))]
    public async Task<AccountPick> Run([ActivityTrigger] string stream, CancellationToken cancellation)
    {
        if (accounts.Policy is not { } policy) return new AccountPick(null, null, "No SES account is configured.");
        var breakers = (await circuits.ListAsync(cancellation)).ToDictionary(c => c.Account, ToBreaker, StringComparer.OrdinalIgnoreCase);
        var choice = policy.Choose(stream, breakers, time.GetUtcNow());
        return choice.Account is { } account
            ? new AccountPick(account.Name, accounts.Get(account.Name).ConfigurationSetName, null, await MailAccounts.RateInForceAsync(engine, account.Name, cancellation))
            : new AccountPick(null, null, choice.DeadLetterReason);
    }

    private static CircuitBreaker ToBreaker(AccountCircuit circuit) => circuit.State == OpenAccountCircuit.Open
        ? CircuitBreaker.Closed with { IsOpen = true, Reason = circuit.Reason, RetryAt = circuit.Until }
        : CircuitBreaker.Closed;
}
