namespace CampaignFlows.Sandbox;

public sealed partial class SandboxAccount
{
    /// <summary>A consistent-enough snapshot of the account's counters for tests, benchmarks and the dashboard.</summary>
    public AccountStatistics GetStatistics()
    {
        var options = Options;
        return new AccountStatistics(
            AccessKeyId,
            Region,
            AccountId,
            Limiter.SentLast24Hours,
            Limiter.MaxInAnySecond,
            Interlocked.Read(ref _throttled),
            Interlocked.Read(ref _quotaRefusals),
            Reputation.BounceRate,
            Reputation.EnforcementStatus(options.ReputationMinimumSample),
            SendingEnabled,
            new SortedDictionary<string, long>(_events, StringComparer.Ordinal),
            Limiter.PerSecond());
    }
}

/// <summary>Counters of one account in one region.</summary>
/// <param name="AccessKeyId">The access key id of the account.</param>
/// <param name="Region">The region of these counters.</param>
/// <param name="AccountId">The 12-digit account id.</param>
/// <param name="SentLast24Hours">Recipients accepted in the rolling 24 hours.</param>
/// <param name="MaxRecipientsInAnySecond">The most recipients accepted within any sliding one-second window.</param>
/// <param name="ThrottleCount">Calls answered 429 TooManyRequestsException.</param>
/// <param name="QuotaExceededCount">Calls refused because the 24-hour quota was used up.</param>
/// <param name="BounceRate">Bounces over recent non-simulator recipients.</param>
/// <param name="EnforcementStatus">HEALTHY, PROBATION or SHUTDOWN, as GetAccount reports it.</param>
/// <param name="SendingEnabled">False while paused by the owner or by reputation enforcement.</param>
/// <param name="EventCounts">Published SES events by eventType.</param>
/// <param name="SendsPerSecond">Accepted recipients by whole UTC second (the last 24 hours).</param>
public sealed record AccountStatistics(
    string AccessKeyId,
    string Region,
    string AccountId,
    long SentLast24Hours,
    long MaxRecipientsInAnySecond,
    long ThrottleCount,
    long QuotaExceededCount,
    double BounceRate,
    string EnforcementStatus,
    bool SendingEnabled,
    IReadOnlyDictionary<string, long> EventCounts,
    IReadOnlyList<KeyValuePair<DateTimeOffset, long>> SendsPerSecond);
