using CampaignFlows.Data.State;
using CampaignFlows.Functions;

namespace CampaignFlows.Triggers;

/// <summary>The template kill switch over HTTP (admin key): block, unblock and list, effective for the next send.</summary>
public sealed class TemplatesHttp(ITemplateBlocklist blocklist, TimeProvider time)
{
    /// <summary><c>PUT /api/templates/{name}/block</c> with an optional JSON body <c>{"reason": "..."}</c>.</summary>
    [Function(nameof(BlockTemplate))]
    public async Task<IResult> BlockTemplate([HttpTrigger(AuthorizationLevel.Admin, "put", Route = "templates/{name}/block")] HttpRequest req,
        string name, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
            return TypedResults.Problem(statusCode: 400, title: "Invalid template name", detail: "The template name must be 1 to 256 characters.");
        var body = await req.ReadJsonElementAsync(allowEmpty: true, cancellation);
        var reason = body is { ValueKind: System.Text.Json.JsonValueKind.Object } b && b.TryGetProperty("reason", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.String
            ? r.GetString()!
            : "Blocked by an operator.";
        await blocklist.BlockAsync(name, reason, time.GetUtcNow(), cancellation);
        return TypedResults.Ok(await blocklist.FindAsync(name, cancellation));
    }

    /// <summary><c>DELETE /api/templates/{name}/block</c>: lifts the block; 404 when the template was not blocked.</summary>
    [Function(nameof(UnblockTemplate))]
    public async Task<IResult> UnblockTemplate([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "templates/{name}/block")] HttpRequest req,
        string name, CancellationToken cancellation) =>
        await blocklist.UnblockAsync(name, cancellation)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Template not blocked", detail: $"Template '{name}' is not blocked.");

    /// <summary><c>GET /api/templates/blocked</c>: every blocked template with its reason.</summary>
    [Function(nameof(ListBlockedTemplates))]
    public async Task<IResult> ListBlockedTemplates([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "templates/blocked")] HttpRequest req,
        CancellationToken cancellation) => TypedResults.Ok(await blocklist.ListAsync(cancellation));
}
