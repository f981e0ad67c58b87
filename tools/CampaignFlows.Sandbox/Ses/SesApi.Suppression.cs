using CampaignFlows.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CampaignFlows.Sandbox.Ses;

internal static partial class SesApi
{
    private static void MapSuppression(IEndpointRouteBuilder app, SandboxState state)
    {
        app.MapPut("/v2/email/suppression/addresses", Handle(state, PutSuppressedAsync));
        app.MapGet("/v2/email/suppression/addresses", Handle(state, ListSuppressed));
        app.MapGet("/v2/email/suppression/addresses/{EmailAddress}", Handle(state, GetSuppressed));
        app.MapDelete("/v2/email/suppression/addresses/{EmailAddress}", Handle(state, DeleteSuppressed));
    }

    private static async ValueTask<object> PutSuppressedAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.PutSuppressedDestinationRequest).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request.EmailAddress) || !request.EmailAddress.Contains('@'))
            throw SesErrors.BadRequest($"EmailAddress '{request.EmailAddress}' is not a valid address.");
        if (request.Reason is not ("BOUNCE" or "COMPLAINT")) throw SesErrors.BadRequest($"Reason must be BOUNCE or COMPLAINT, got '{request.Reason}'.");
        call.Account.Suppressed[request.EmailAddress] = new SuppressedDestination(request.EmailAddress, request.Reason, Seconds(call.Now));
        return new EmptyResponse();
    }

    private static object GetSuppressed(SesCall call)
    {
        var address = call.Route("EmailAddress");
        return call.Account.Suppressed.TryGetValue(address, out var found)
            ? new GetSuppressedDestinationResponse(found)
            : throw SesErrors.NotFound($"Email address {address} does not exist on your suppression list.");
    }

    private static object DeleteSuppressed(SesCall call)
    {
        var address = call.Route("EmailAddress");
        if (!call.Account.Suppressed.TryRemove(address, out _)) throw SesErrors.NotFound($"Email address {address} does not exist on your suppression list.");
        return new EmptyResponse();
    }

    private static object ListSuppressed(SesCall call)
    {
        var reasons = call.Context.Request.Query["Reason"].Where(r => r is not null).ToHashSet();
        var all = call.Account.Suppressed.Values
            .Where(s => reasons.Count == 0 || reasons.Contains(s.Reason))
            .OrderBy(s => s.EmailAddress, StringComparer.OrdinalIgnoreCase)
            .Select(s => new SuppressedDestinationSummary(s.EmailAddress, s.Reason, s.LastUpdateTime))
            .ToList();
        var (page, next) = Paging.Page(call, all, 100, 1000);
        return new ListSuppressedDestinationsResponse(page, next);
    }

    private static double Seconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;
}
