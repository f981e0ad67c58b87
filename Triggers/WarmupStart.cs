using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Domain;
using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Orchestrations;
using CampaignFlows.Warmups;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Triggers;

/// <summary><c>POST /api/warmups</c>: starts the warm-up of one dedicated IP or pool.</summary>
/// <remarks>
/// Nothing is started unless everything checks out: the request's fields, the IP or pool existing in SES (a managed
/// pool needs no plan and is answered so), the audience existing, and no warm-up of the same IP or pool running.
/// </remarks>
public sealed class WarmupStart(WarmupSes ses, AudienceStore audiences, IOptions<WarmupOptions> options, TimeProvider time)
{
    /// <summary>Answers 202 with the status URLs and the plan, or a problem saying what is wrong.</summary>
    [Function(nameof(WarmupStart))]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "warmups")] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var body = await req.ReadJsonAsync<WarmupRequest>(cancellation);
        WarmupSettings settings;
        try
        {
            settings = body.ToSettings(time.GetUtcNow(), options.Value);
        }
        catch (DomainValidationException e)
        {
            return WarmupProblems.Invalid(e, "Invalid warm-up request");
        }

        if (await client.GetInstanceAsync(settings.WarmupId, cancellation: cancellation) is { IsRunning: true } running)
            return WarmupProblems.AlreadyRunning(client, req, settings.WarmupId, running.RuntimeStatus);

        if (await CheckTargetAsync(settings, cancellation) is { } refusal) return refusal;
        if (!await audiences.ExistsAsync(settings.AudienceBlob, cancellation))
            return TypedResults.Problem($"The audience '{settings.AudienceBlob}' is not in the audience store; upload the CSV first.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unknown audience");

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(WarmupOrchestrator), new WarmupInput(settings, WarmupCursor.Start),
                new StartOrchestrationOptions(settings.WarmupId), cancellation);
        }
        catch (InstanceAlreadyExistsException e)
        {
            return WarmupProblems.AlreadyRunning(client, req, settings.WarmupId, e.Status);
        }

        var links = client.CreateHttpManagementPayload(req, settings.WarmupId);
        var plan = WarmupPlan.ForTarget(settings.TargetDailyVolume);
        return TypedResults.Accepted(links.StatusQueryGetUri, new WarmupStarted(
            settings.WarmupId, settings.Target.ToString(), settings.Mode, settings.StartAt, settings.SaleAt, settings.Warning,
            $"{req.Scheme}://{req.Host}{req.PathBase}/api/warmups/{Uri.EscapeDataString(settings.WarmupId)}", links, plan.Days));
    }

    private async Task<IResult?> CheckTargetAsync(WarmupSettings settings, CancellationToken cancellation)
    {
        var client = ses.Client();
        try
        {
            if (settings.Ip is { } ip)
            {
                await client.GetDedicatedIpAsync(new GetDedicatedIpRequest { Ip = ip }, cancellation);
                return null;
            }

            var pool = await client.GetDedicatedIpPoolAsync(new GetDedicatedIpPoolRequest { PoolName = settings.Pool! }, cancellation);
            if (!string.Equals(pool.DedicatedIpPool?.ScalingMode, ScalingMode.Managed, StringComparison.OrdinalIgnoreCase)) return null;
            return TypedResults.Ok(new WarmupNotNeeded(settings.Pool!, ScalingMode.Managed,
                $"The pool '{settings.Pool}' is a managed pool: SES warms and scales its IPs itself, so no warm-up plan is needed and none was started."));
        }
        catch (AwsServiceException e) when (e.HttpStatus == System.Net.HttpStatusCode.NotFound || e.ErrorCode.Contains("NotFound", StringComparison.Ordinal))
        {
            return TypedResults.Problem($"SES account '{ses.AccountName()}' has no dedicated {settings.Target}.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown dedicated IP or pool");
        }
    }
}

/// <summary>The answer to a started warm-up.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Target">The IP or pool.</param>
/// <param name="Mode">The mode.</param>
/// <param name="StartAt">When day 1 runs.</param>
/// <param name="SaleAt">The sale, when given.</param>
/// <param name="Warning">Why the plan does not finish before the sale, when it does not.</param>
/// <param name="WarmupUri">The warm-up's own status (plan vs actual).</param>
/// <param name="Management">The engine's status and control URLs.</param>
/// <param name="Plan">The 28 plan days.</param>
public sealed record WarmupStarted(string Id, string Target, string Mode, DateTimeOffset StartAt, DateTimeOffset? SaleAt, string? Warning,
    string WarmupUri, HttpManagementPayload Management, IReadOnlyList<WarmupPlanDay> Plan);

/// <summary>The answer for a managed pool: nothing to plan.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="ScalingMode">Its scaling mode.</param>
/// <param name="Message">Why nothing was started.</param>
public sealed record WarmupNotNeeded(string Pool, string ScalingMode, string Message);
