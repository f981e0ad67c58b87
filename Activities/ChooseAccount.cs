using CampaignFlows.Campaigns;
using CampaignFlows.Data.State;
using CampaignFlows.Domain;
using CampaignFlows.Durable;
using CampaignFlows.Functions;

namespace CampaignFlows.Activities;

/// <summary>
/// Chooses the account for a stream from the failover order and each account's circuit, shared by all hosts, with the
/// send rate in force for it now (the engine's flow limit, lowered while SES throttles), which sizes the wave's batches.
/// An account whose 24-hour quota the engine has already spent is passed over as if its circuit were open, so the
/// campaign fails over (or dead-letters with the reason) instead of waiting at the quota gate for a day.
/// </summary>
public sealed class ChooseAccount(MailAccounts accounts, IAccountCircuits circuits, DurableTaskClient engine, TimeProvider time)
{
    /// <summary>The activity.</summary>
    [Function(nameof(ChooseAccount))]
    public async Task<AccountPick> Run([ActivityTrigger] string stream, CancellationToken cancellation)
    {
        if (accounts.Policy is not { } policy) return new AccountPick(null, null, "No SES account is configured.");
        var now = time.GetUtcNow();
        var breakers = (await circuits.ListAsync(cancellation)).ToDictionary(c => c.Account, ToBreaker, StringComparer.OrdinalIgnoreCase);
        var quotas = new Dictionary<string, AccountQuota?>(StringComparer.OrdinalIgnoreCase);
        // Only the accounts that could carry this stream need their quota read.
        foreach (var name in accounts.All.Where(a => a.Streams.Contains(stream, StringComparer.OrdinalIgnoreCase)).Select(a => a.Name))
        {
            var quota = quotas[name] = await MailAccounts.QuotaInForceAsync(engine, name, cancellation);
            if (quota is { Remaining: < 1 } && !(breakers.TryGetValue(name, out var open) && open.IsOpen))
                breakers[name] = CircuitBreaker.Closed with
                {
                    IsOpen = true, RetryAt = now + QuotaRecheck,
                    Reason = $"its 24-hour quota is used up ({quota.SentLast24Hours:N0} of {quota.Max24HourSend:N0})",
                };
        }
        var choice = policy.Choose(stream, breakers, now);
        if (choice.Account is not { } account) return new AccountPick(null, null, choice.DeadLetterReason);
        var quotaOfPick = quotas.GetValueOrDefault(account.Name);
        // The quota read already fetched the account's rate in force; read it only when there was no quota to read.
        var rate = quotaOfPick is { MaxSendRate: > 0 } ? (double)quotaOfPick.MaxSendRate : await MailAccounts.RateInForceAsync(engine, account.Name, cancellation);
        return new AccountPick(account.Name, accounts.Get(account.Name).ConfigurationSetName, null, rate, quotaOfPick?.Remaining);
    }

    /// <summary>How long an account out of quota is passed over before it is tried again.</summary>
    public static readonly TimeSpan QuotaRecheck = TimeSpan.FromHours(1);

    private static CircuitBreaker ToBreaker(AccountCircuit circuit) => circuit.State == OpenAccountCircuit.Open
        ? CircuitBreaker.Closed with { IsOpen = true, Reason = circuit.Reason, RetryAt = circuit.Until }
        : CircuitBreaker.Closed;
}
