using CampaignFlows.Domain;
using CampaignFlows.Functions;
using CampaignFlows.Warmups;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Triggers;

/// <summary><c>POST /api/plan</c>: the capacity planner over HTTP.</summary>
/// <remarks>
/// Daily quota, send rate, the latest warm-up start for a sale, the cost at the configured prices and the day-by-day
/// schedule come from <see cref="CapacityPlanner"/>; whether the quota suffices is judged against the warmed account's
/// GetAccount. When SES cannot be asked, the plan is still answered, with the reason among its warnings.
/// </remarks>
public sealed class PlanCapacity(IServiceProvider services, IOptions<CapacityPlanOptions> options, TimeProvider time)
{
    /// <summary>Answers 200 with the plan, or 400 naming the fields at fault.</summary>
    [Function(nameof(PlanCapacity))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "plan")] HttpRequest req, CancellationToken cancellation)
    {
        var body = await req.ReadJsonAsync<PlanRequest>(cancellation);
        var warnings = new List<string>();
        try
        {
            body.ToCapacityRequest(null);
            var quota = body.CheckQuota ? await ReadQuotaAsync(warnings, cancellation) : null;
            var plan = CapacityPlanner.Plan(body.ToCapacityRequest(quota), time.GetUtcNow(), options.Value.ToCapacityOptions());
            return TypedResults.Ok(plan with { Warnings = [.. plan.Warnings, .. warnings] });
        }
        catch (DomainValidationException e)
        {
            return WarmupProblems.Invalid(e, "Invalid plan request");
        }
    }

    private async Task<AccountQuota?> ReadQuotaAsync(List<string> warnings, CancellationToken cancellation)
    {
        if (services.GetService<Campaigns.MailAccounts>() is null)
        {
            warnings.Add("No SES account is configured, so the current quota was not checked.");
            return null;
        }

        var ses = services.GetRequiredService<WarmupSes>();
        try
        {
            var account = await ses.Client().GetAccountAsync(cancellation);
            if (account.SendQuota is not { } quota)
            {
                warnings.Add($"SES account '{ses.AccountName()}' reported no send quota, so it was not checked.");
                return null;
            }
            return new AccountQuota((long)quota.Max24HourSend, (decimal)quota.MaxSendRate, (long)quota.SentLast24Hours);
        }
        catch (Exception e) when (e is Aws.AwsServiceException or HttpRequestException or InvalidOperationException or ArgumentException)
        {
            warnings.Add($"The current quota could not be read from SES ({e.Message}), so it was not checked.");
            return null;
        }
    }
}
