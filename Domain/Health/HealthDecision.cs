namespace CampaignFlows.Domain;

/// <summary>The health gate's verdict, with the figures it was based on.</summary>
/// <param name="Action">The most severe action any signal asks for.</param>
/// <param name="Tripped">Every action a signal asked for, most severe first; empty when healthy.</param>
/// <param name="Reason">A sentence for status and alerts naming every tripped signal and its figures.</param>
/// <param name="BounceRate">Bounces ÷ sent over the reputation window.</param>
/// <param name="ComplaintRate">Complaints ÷ sent over the reputation window.</param>
/// <param name="ErrorRates">Error rate of each error window, oldest first.</param>
/// <param name="QuotaUsed">SentLast24Hours ÷ Max24HourSend, or null when unknown.</param>
/// <param name="Sample">Sent mails in the reputation window.</param>
public sealed record HealthDecision(
    HealthAction Action,
    IReadOnlyList<HealthAction> Tripped,
    string Reason,
    decimal BounceRate,
    decimal ComplaintRate,
    IReadOnlyList<decimal> ErrorRates,
    decimal? QuotaUsed,
    long Sample);
