using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Durable;
using CampaignFlows.Durable.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Campaigns;

/// <summary>
/// Reads each account's SendQuota from SES every few minutes and lowers the engine's flow limits when SES allows
/// less than configured (or raises them to what SES allows when nothing is configured); between rounds, reads an account
/// early when a throttle asks for it through <see cref="AccountLimitsNudge"/>.
/// </summary>
/// <remarks>
/// The limits were read at start (<see cref="AccountFlowLimits"/>), so the first round reads only the accounts that read
/// missed, and every account again one <see cref="Interval"/> later.
/// </remarks>
internal sealed partial class AccountLimitsRefresher(MailAccounts accounts, AccountLimitsNudge nudges, DurableTaskClient client,
    IOptions<DurableEngineOptions> engineOptions, TimeProvider time, ILogger<AccountLimitsRefresher> logger) : BackgroundService
{
    /// <summary>How often SendQuota is read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Makes sure the start-up read has run (it runs once, when the engine's options are first built).
        _ = engineOptions.Value;
        var due = nudges.TakeUnreadAtStart().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var round = accounts.All.Where(a => due.Contains(a.Name));
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var account in round) await RefreshAsync(account, stoppingToken).ConfigureAwait(false);
            round = accounts.All;
            try
            {
                var roundDue = Task.Delay(Interval, time, stoppingToken);
                while (true)
                {
                    var nudged = nudges.Requests.WaitToReadAsync(stoppingToken).AsTask();
                    if (await Task.WhenAny(roundDue, nudged).ConfigureAwait(false) == roundDue) break;
                    await nudged.ConfigureAwait(false);
                    while (nudges.Requests.TryRead(out var name))
                    {
                        if (accounts.All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) is { } account)
                            await RefreshAsync(account, stoppingToken, rateOnly: true).ConfigureAwait(false);
                    }
                }
                await roundDue.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <remarks>
    /// An early read after a throttle updates the rate only: lowering the quota under a wave already scheduled would
    /// hold its sends at the engine's quota gate for a day, while SES's own quota answer makes the campaign fail over.
    /// </remarks>
    private async Task RefreshAsync(MailAccountOptions account, CancellationToken cancellation, bool rateOnly = false)
    {
        try
        {
            var quota = (await accounts.Ses(account.Name).GetAccountAsync(cancellation).ConfigureAwait(false)).SendQuota;
            if (quota is null) return;
            var rate = Math.Min(account.MaxSendRate ?? double.MaxValue, quota.MaxSendRate);
            var max = Math.Min(account.Max24HourSend ?? double.MaxValue, quota.Max24HourSend);
            if (rate < double.MaxValue) await client.SetFlowLimitAsync(MailAccounts.RateKey(account.Name), AccountFlowLimits.RateLimitOf(rate), cancellation).ConfigureAwait(false);
            if (!rateOnly && max < double.MaxValue) await client.SetFlowLimitAsync(MailAccounts.QuotaKey(account.Name), AccountFlowLimits.QuotaLimitOf(max), cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            LogRefreshFailed(logger, account.Name, error.Kind, error.ErrorCode);
        }
    }

    /// <summary>Reads an account's SendQuota once, synchronously, at start; null when SES cannot be reached.</summary>
    public static (double Rate, double Quota)? TryReadQuota(IServiceProvider services, MailAccountOptions account)
    {
        try
        {
            var client = services.GetRequiredService<IAwsClientFactory>().CreateSes(MailAccounts.Aws(account));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var quota = client.GetAccountAsync(timeout.Token).GetAwaiter().GetResult().SendQuota;
            return quota is null ? null : (quota.MaxSendRate, quota.Max24HourSend);
        }
        catch (Exception error) when (error is AwsServiceException or OperationCanceledException or HttpRequestException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Could not read SendQuota of account {Account}: {Kind} {ErrorCode}; keeping the current limits")]
    private static partial void LogRefreshFailed(ILogger logger, string account, AwsErrorKind kind, string errorCode);
}
