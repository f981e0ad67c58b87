using CampaignFlows.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampaignFlows.Sandbox.Ses;

/// <summary>The SES v2 REST-JSON routes, as <c>http.requestUri</c> and method in the API model.</summary>
internal static partial class SesApi
{
    private const string JsonType = "application/json";

    public static void MapSes(this IEndpointRouteBuilder app, SandboxState state)
    {
        app.MapPost("/v2/email/outbound-emails", Handle(state, SendEmailAsync));
        app.MapPost("/v2/email/outbound-bulk-emails", Handle(state, SendBulkEmailAsync));
        app.MapGet("/v2/email/account", Handle(state, GetAccount));
        app.MapPut("/v2/email/account/sending", Handle(state, PutAccountSendingAttributesAsync));
        MapTemplates(app, state);
        MapDedicatedIps(app, state);
        MapSuppression(app, state);
        app.Map("/v2/{**rest}", Handle(state, Unknown));
    }

    private static object Unknown(SesCall call) => throw SesErrors.UnknownOperation();

    /// <summary>Resolves the calling account, applies its latency and error injection, and frames the answer.</summary>
    private static RequestDelegate Handle(SandboxState state, Func<SesCall, ValueTask<object>> handler) => async context =>
    {
        try
        {
            var caller = AwsCaller.From(context.Request);
            var account = state.GetAccount(caller.AccessKeyId, caller.Region);
            var options = account.Options;
            if (options.LatencyMilliseconds > 0) await Task.Delay(options.LatencyMilliseconds, context.RequestAborted).ConfigureAwait(false);
            if (options.ErrorProbability > 0 && Random.Shared.NextDouble() < options.ErrorProbability) throw SesErrors.ServiceUnavailable();
            var result = await handler(new SesCall(context, account, state)).ConfigureAwait(false);
            await AwsResponses.WriteAsync(context, result, JsonType).ConfigureAwait(false);
        }
        catch (AwsError error)
        {
            await AwsResponses.WriteErrorAsync(context, error, JsonType).ConfigureAwait(false);
        }
    };

    private static RequestDelegate Handle(SandboxState state, Func<SesCall, object> handler) =>
        Handle(state, call => ValueTask.FromResult(handler(call)));
}

/// <summary>One SES request: the HTTP context, the calling account and the sandbox.</summary>
internal sealed record SesCall(HttpContext Context, SandboxAccount Account, SandboxState State)
{
    public string Route(string name) => Uri.UnescapeDataString(Context.Request.RouteValues[name] as string ?? "");

    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    public Task<T> ReadAsync<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class =>
        AwsResponses.ReadAsync(Context, type, SesErrors.BadRequest);

    public DateTimeOffset Now => State.Clock.GetUtcNow();
}
