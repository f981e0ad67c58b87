using CampaignFlows.Aws;
using CampaignFlows.Campaigns;
using CampaignFlows.Data.State;
using CampaignFlows.Durable;
using CampaignFlows.Functions;

namespace CampaignFlows.Triggers;

/// <summary><c>GET /api/dashboard/accounts</c>: every configured SES account with its quota used, rate, SES standing and circuit state.</summary>
/// <remarks>SES is asked live with a short timeout; an account that does not answer is shown with the error instead of failing the page.</remarks>
public sealed class DashboardAccounts(MailAccounts accounts, IAccountCircuits circuits)
{
    /// <summary>How long one account's GetAccount call may take before the page shows it as unreachable.</summary>
    public static readonly TimeSpan SesTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The accounts in failover order.</summary>
    [Function(nameof(DashboardAccounts))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard/accounts")] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var states = (await circuits.ListAsync(cancellation)).ToDictionary(c => c.Account, StringComparer.OrdinalIgnoreCase);
        var views = await Task.WhenAll(accounts.All.OrderBy(a => a.FailoverOrder).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => ViewAsync(client, a, states.GetValueOrDefault(a.Name), cancellation)));
        return TypedResults.Ok(views);
    }

    private async Task<AccountView> ViewAsync(DurableTaskClient client, MailAccountOptions account, AccountCircuit? circuit, CancellationToken cancellation)
    {
        var rate = await client.GetFlowLimitAsync(MailAccounts.RateKey(account.Name), cancellation);
        var quota = await client.GetFlowLimitAsync(MailAccounts.QuotaKey(account.Name), cancellation);
        return new AccountView(account.Name, account.Region, account.Streams, account.FailoverOrder,
            new AccountRateView(rate?.Limit.PerSecond, rate?.EffectivePerSecond, rate?.Running ?? 0),
            new AccountQuotaView(quota?.Limit.WindowLimit, quota?.SpentInWindow ?? 0,
                quota?.Limit.WindowLimit is > 0 ? quota.SpentInWindow / quota.Limit.WindowLimit.Value : null),
            await SesAsync(account.Name, cancellation),
            circuit is null ? new CircuitView("closed", null, null, null) : new CircuitView(circuit.State, circuit.Reason, circuit.Until, circuit.UpdatedAt));
    }

    private async Task<SesStandingView> SesAsync(string account, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(SesTimeout);
        try
        {
            var answer = await accounts.Ses(account).GetAccountAsync(timeout.Token);
            return new SesStandingView(answer.EnforcementStatus, answer.SendingEnabled, answer.SendQuota?.Max24HourSend, answer.SendQuota?.MaxSendRate,
                answer.SendQuota?.SentLast24Hours, null);
        }
        catch (AwsServiceException error)
        {
            return SesStandingView.Unreachable($"{error.ErrorCode}: {error.Message}");
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return SesStandingView.Unreachable($"SES did not answer within {SesTimeout.TotalSeconds:0} s.");
        }
    }
}

/// <summary>One SES account as the dashboard shows it.</summary>
/// <param name="Name">The account name.</param>
/// <param name="Region">Its region.</param>
/// <param name="Streams">The streams it carries.</param>
/// <param name="FailoverOrder">Lower is tried first.</param>
/// <param name="Rate">Its per-second rate limit.</param>
/// <param name="Quota">Its rolling 24-hour quota.</param>
/// <param name="Ses">What SES says about it.</param>
/// <param name="Circuit">Its circuit state.</param>
public sealed record AccountView(string Name, string Region, IReadOnlyList<string> Streams, int FailoverOrder, AccountRateView Rate,
    AccountQuotaView Quota, SesStandingView Ses, CircuitView Circuit);

/// <summary>An account's rate limit.</summary>
/// <param name="LimitPerSecond">The configured rate; null when not defined yet.</param>
/// <param name="EffectivePerSecond">The rate in force now.</param>
/// <param name="Running">Send activities running under it now.</param>
public sealed record AccountRateView(double? LimitPerSecond, double? EffectivePerSecond, int Running);

/// <summary>An account's rolling 24-hour quota as the engine enforces it.</summary>
/// <param name="Limit">Mails allowed per 24 hours; null when not defined yet.</param>
/// <param name="Used">Mails spent in the current window.</param>
/// <param name="UsedShare">Used ÷ limit, when there is a limit.</param>
public sealed record AccountQuotaView(double? Limit, double Used, double? UsedShare);

/// <summary>GetAccount's answer, or why there is none.</summary>
/// <param name="EnforcementStatus"><c>HEALTHY</c>, <c>PROBATION</c> or <c>SHUTDOWN</c>.</param>
/// <param name="SendingEnabled">False while SES pauses sending.</param>
/// <param name="Max24HourSend">SES's 24-hour quota.</param>
/// <param name="MaxSendRate">SES's per-second rate.</param>
/// <param name="SentLast24Hours">What SES counts as sent in the last 24 hours.</param>
/// <param name="Error">Why SES could not be asked, if it could not.</param>
public sealed record SesStandingView(string? EnforcementStatus, bool? SendingEnabled, double? Max24HourSend, double? MaxSendRate, double? SentLast24Hours,
    string? Error)
{
    /// <summary>A standing that could not be read.</summary>
    public static SesStandingView Unreachable(string error) => new(null, null, null, null, null, error);
}

/// <summary>An account's circuit.</summary>
/// <param name="State"><c>closed</c>, <c>open</c>, <c>half-open</c>, <c>paused</c>, <c>quota-exhausted</c>, ...</param>
/// <param name="Reason">Why.</param>
/// <param name="Until">When it is re-evaluated.</param>
/// <param name="UpdatedAt">When it was set.</param>
public sealed record CircuitView(string State, string? Reason, DateTimeOffset? Until, DateTimeOffset? UpdatedAt);
