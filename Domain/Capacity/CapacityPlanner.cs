namespace CampaignFlows.Domain;

/// <summary>Sizes a campaign: daily quota, send rate, cost, quota check, warm-up start and the day-by-day schedule.</summary>
/// <remarks>
/// <para>
/// Daily quota = users × mails per user ÷ campaign days × buffer, rounded down (the seed's <c>int(daily_quota)</c>).
/// Send rate = daily quota ÷ (sending hours × 3600), rounded up to a whole mail a second. The seed writes the
/// rounding up as <c>int(rate) + 1</c> yet prints 25/s for its own example (1,000,000 users × 3 mails over 5 days:
/// 720,000 a day, exactly 25.0/s, where <c>int(rate) + 1</c> would give 26). Rounding up matches its stated
/// answer and equals <c>int(rate) + 1</c> whenever the rate is not whole, so that is what is used.
/// </para>
/// <para>Pure and deterministic: the current time is an argument.</para>
/// </remarks>
public static class CapacityPlanner
{
    private const decimal BytesPerGigabyte = 1024m * 1024m * 1024m;

    /// <summary>Plans a campaign.</summary>
    /// <param name="request">What to plan.</param>
    /// <param name="now">The current time; campaigns without a sale date are scheduled from it.</param>
    /// <param name="options">Assumptions and prices; <see cref="CapacityOptions.Default"/> when null.</param>
    /// <exception cref="DomainValidationException">Zero or negative inputs, each named.</exception>
    public static CapacityPlan Plan(CapacityRequest request, DateTimeOffset now, CapacityOptions? options = null)
    {
        var settings = options ?? CapacityOptions.Default;
        var prices = settings.Prices ?? SesPrices.Default;
        Validate(request, settings, prices);

        var total = request.Users * request.MailsPerUser;
        var daily = DailyQuota(total, request.CampaignDays, settings.Buffer);
        var rate = SendRate(daily, settings.SendingHours);
        var cost = new CostEstimate(
            Cents(total / 1000m * prices.PerThousandRecipients),
            Cents(total * (decimal)request.AttachmentBytesPerMail / BytesPerGigabyte * prices.PerAttachmentGigabyte),
            Cents(request.DedicatedIps * request.DedicatedIpMonths * prices.PerDedicatedIpMonth));
        var quota = request.CurrentQuota is { } current ? QuotaCheck.For(daily, rate, current) : null;
        var (schedule, warmupStart, warnings) = CapacitySchedule.Build(request, daily, now);
        return new CapacityPlan(total, daily, rate, cost, quota, warmupStart, schedule, warnings);
    }

    /// <summary>Mails a day: total ÷ days × buffer, rounded down.</summary>
    /// <param name="totalMails">All mails of the campaign.</param>
    /// <param name="campaignDays">Days to spread them over.</param>
    /// <param name="buffer">Head-room multiplier (1.2 for 20%).</param>
    public static long DailyQuota(long totalMails, int campaignDays, decimal buffer) =>
        (long)decimal.Floor(totalMails * buffer / campaignDays);

    /// <summary>Mails a second: the daily quota sent within the sending hours, rounded up.</summary>
    /// <param name="dailyQuota">Mails a day.</param>
    /// <param name="sendingHours">Hours a day the mail is sent in.</param>
    public static long SendRate(long dailyQuota, decimal sendingHours) =>
        (long)decimal.Ceiling(dailyQuota / (sendingHours * 3600m));

    private static decimal Cents(decimal dollars) => Math.Round(dollars, 2, MidpointRounding.AwayFromZero);

    private static void Validate(CapacityRequest request, CapacityOptions settings, SesPrices prices)
    {
        var guard = new Guard()
            .Positive(request.Users, "users")
            .Positive(request.MailsPerUser, "mailsPerUser")
            .Positive(request.CampaignDays, "campaignDays")
            .NotNegative(request.AttachmentBytesPerMail, "attachmentBytesPerMail")
            .NotNegative(request.DedicatedIps, "dedicatedIps")
            .Positive(request.DedicatedIpMonths, "dedicatedIpMonths")
            .Check(settings.SendingHours is > 0 and <= 24, "sendingHours", $"must be above 0 and at most 24 (was {settings.SendingHours}).")
            .Check(settings.Buffer >= 1, "buffer", $"must be at least 1, no buffer (was {settings.Buffer}).")
            .NotNegative(prices.PerThousandRecipients, "perThousandRecipients")
            .NotNegative(prices.PerAttachmentGigabyte, "perAttachmentGigabyte")
            .NotNegative(prices.PerDedicatedIpMonth, "perDedicatedIpMonth");
        if (request.CurrentQuota is { } quota)
        {
            guard.NotNegative(quota.Max24HourSend, "max24HourSend")
                .NotNegative(quota.MaxSendRate, "maxSendRate")
                .NotNegative(quota.SentLast24Hours, "sentLast24Hours");
        }

        guard.Check(request.Users <= long.MaxValue / Math.Max(1, request.MailsPerUser), "mailsPerUser", "users × mailsPerUser is too large.")
            .ThrowIfAny();
    }
}
