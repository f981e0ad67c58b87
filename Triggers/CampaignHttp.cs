using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.State;
using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Orchestrations;

namespace CampaignFlows.Triggers;

/// <summary>Starts, lists, shows and steers campaigns over HTTP.</summary>
public sealed class CampaignHttp(CampaignRequestValidator validator, AudienceStore audiences, ICampaignDefinitions definitions,
    IRecipientProgress progress, TimeProvider time)
{
    /// <summary>The header that makes a double submit start one campaign.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary><c>POST /api/campaigns</c>: validates everything, stores the audience, starts the campaign; 202 with the status URLs.</summary>
    [Function(nameof(StartCampaign))]
    public async Task<IResult> StartCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns")] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var request = await req.ReadJsonAsync<CampaignRequest>(cancellation);
        var key = req.Headers[IdempotencyHeader].ToString();
        var requestedId = request.Id ?? (key.Length > 0 ? CampaignRequestValidator.CampaignId(null, key) : null);
        if (requestedId is not null && await client.GetInstanceAsync(requestedId, cancellation: cancellation) is not null)
            return client.CreateCheckStatusResponse(req, requestedId);

        var (id, template, inline) = await validator.ValidateAsync(request, key, cancellation);
        var blob = request.AudienceBlob ?? $"{id}.csv";
        if (inline is not null) await audiences.SaveInlineAsync(blob, inline, cancellation);
        var input = new CampaignInput(id, request.Stream ?? "marketing", request.From!, template,
            new AudienceSource(blob, SkipBadRows: request.BadRows == "skip"), request.PriorityWeight ?? 1, request.ConfigurationSetName,
            request.AttachmentIds, request.StartAt);
        try
        {
            await definitions.SaveAsync(new CampaignDefinition(id, System.Text.Json.JsonSerializer.Serialize(input, DurableJson.Options), time.GetUtcNow()), cancellation);
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(CampaignOrchestrator), input, new StartOrchestrationOptions(id), cancellation);
        }
        catch (InstanceAlreadyExistsException)
        {
            // A concurrent double submit won the race; both callers get the one campaign.
        }
        return client.CreateCheckStatusResponse(req, id);
    }

    /// <summary><c>GET /api/campaigns</c>: the campaigns with their status and progress, newest first.</summary>
    [Function(nameof(ListCampaigns))]
    public async Task<IResult> ListCampaigns([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns")] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var top = int.TryParse(req.Query["top"], out var t) && t is > 0 and <= 500 ? t : 100;
        var list = new List<CampaignView>();
        foreach (var definition in await definitions.ListAsync(top, cancellation))
            list.Add(await ViewAsync(client, definition.CampaignId, includeDomains: false, cancellation) ?? CampaignView.Unknown(definition.CampaignId));
        return TypedResults.Ok(list);
    }

    /// <summary><c>GET /api/campaigns/{id}</c>: status, progress, gate decisions and the per-domain breakdown.</summary>
    [Function(nameof(GetCampaign))]
    public async Task<IResult> GetCampaign([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}")] HttpRequest req,
        string id, [DurableClient] DurableTaskClient client, CancellationToken cancellation) =>
        await ViewAsync(client, id, includeDomains: true, cancellation) is { } view ? TypedResults.Ok(view) : NotFound(id);

    /// <summary><c>POST /api/campaigns/{id}/pause</c>: pauses after the current wave.</summary>
    [Function(nameof(PauseCampaign))]
    public Task<IResult> PauseCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/pause")] HttpRequest req,
        string id, [DurableClient] DurableTaskClient client, CancellationToken cancellation) => RaiseAsync(client, id, CampaignEvents.Pause, cancellation);

    /// <summary><c>POST /api/campaigns/{id}/resume</c>: continues a paused campaign where it stopped.</summary>
    [Function(nameof(ResumeCampaign))]
    public Task<IResult> ResumeCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/resume")] HttpRequest req,
        string id, [DurableClient] DurableTaskClient client, CancellationToken cancellation) => RaiseAsync(client, id, CampaignEvents.Resume, cancellation);

    /// <summary><c>POST /api/campaigns/{id}/cancel</c>: stops for good; the rest is recorded as blocked.</summary>
    [Function(nameof(CancelCampaign))]
    public Task<IResult> CancelCampaign([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/cancel")] HttpRequest req,
        string id, [DurableClient] DurableTaskClient client, CancellationToken cancellation) => RaiseAsync(client, id, CampaignEvents.Cancel, cancellation);

    private static async Task<IResult> RaiseAsync(DurableTaskClient client, string id, string name, CancellationToken cancellation)
    {
        var instance = await client.GetInstanceAsync(id, cancellation: cancellation);
        if (instance is null) return NotFound(id);
        if (instance.IsCompleted)
            return TypedResults.Problem(statusCode: 409, title: "Campaign has finished", detail: $"Campaign '{id}' is {instance.RuntimeStatus}; it cannot {name}.");
        await client.RaiseEventAsync(id, name, null, cancellation);
        return TypedResults.Accepted($"campaigns/{id}", new { id, requested = name });
    }

    private async Task<CampaignView?> ViewAsync(DurableTaskClient client, string id, bool includeDomains, CancellationToken cancellation)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellation);
        if (instance is null) return null;
        var status = instance.ReadCustomStatusAs<CampaignProgress>();
        var counts = await progress.GetCountsAsync(id, cancellation);
        var live = Activities.CheckCampaignHealth.Progress(status?.State ?? instance.RuntimeStatus.ToString().ToLowerInvariant(), counts, null, time.GetUtcNow())
            with { Rate = status?.Rate ?? 0, EtaSeconds = status?.EtaSeconds, Reason = status?.Reason, Account = status?.Account, Decisions = status?.Decisions };
        var domains = includeDomains ? (await progress.GetDomainCountsAsync(id, 20, cancellation)).Select(d => new DomainView(d.Domain, d.Counts.Total,
            d.Counts.Accepted, d.Counts[RecipientStatus.Bounced], d.Counts[RecipientStatus.Complained])).ToArray() : null;
        return new CampaignView(id, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt, live,
            instance.ReadOutputAs<CampaignReport>(), domains);
    }

    private static IResult NotFound(string id) => TypedResults.Problem(statusCode: 404, title: "Unknown campaign", detail: $"No campaign with id '{id}' exists.");
}

/// <summary>A campaign as the API shows it.</summary>
/// <param name="Id">The campaign id.</param>
/// <param name="RuntimeStatus">The orchestration's status.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="LastUpdatedAt">When its state last changed.</param>
/// <param name="Progress">Live counts and the latest status.</param>
/// <param name="Report">The final report, once finished.</param>
/// <param name="Domains">Counts per recipient domain.</param>
public sealed record CampaignView(string Id, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, CampaignProgress? Progress,
    CampaignReport? Report, IReadOnlyList<DomainView>? Domains)
{
    /// <summary>A campaign whose orchestration is gone (purged).</summary>
    public static CampaignView Unknown(string id) => new(id, "Unknown", default, default, null, null, null);
}

/// <summary>Counts for one recipient domain.</summary>
/// <param name="Domain">The domain.</param>
/// <param name="Total">Recipients.</param>
/// <param name="Sent">Accepted by SES.</param>
/// <param name="Bounced">Bounced.</param>
/// <param name="Complained">Complained.</param>
public sealed record DomainView(string Domain, long Total, long Sent, long Bounced, long Complained);
