namespace CampaignFlows.Domain;

/// <summary>A warm-up day's settled outcome, counted once the day's events have arrived.</summary>
/// <param name="Sent">Mails SES accepted that day.</param>
/// <param name="Bounces">Bounces among them.</param>
/// <param name="Complaints">Complaints among them.</param>
public sealed record WarmupDayFigures(long Sent, long Bounces, long Complaints)
{
    /// <summary>Bounces ÷ sent, 0 when nothing was sent.</summary>
    public decimal BounceRate => Sent == 0 ? 0m : (decimal)Bounces / Sent;

    /// <summary>Complaints ÷ sent, 0 when nothing was sent.</summary>
    public decimal ComplaintRate => Sent == 0 ? 0m : (decimal)Complaints / Sent;

    /// <summary>Refuses negative counts and more bounces or complaints than mails.</summary>
    /// <exception cref="DomainValidationException">The figures are inconsistent.</exception>
    public WarmupDayFigures Validated()
    {
        new Guard()
            .NotNegative(Sent, "sent")
            .NotNegative(Bounces, "bounces")
            .NotNegative(Complaints, "complaints")
            .Check(Bounces <= Sent, "bounces", $"cannot exceed sent ({Bounces} > {Sent}).")
            .Check(Complaints <= Sent, "complaints", $"cannot exceed sent ({Complaints} > {Sent}).")
            .ThrowIfAny();
        return this;
    }
}
