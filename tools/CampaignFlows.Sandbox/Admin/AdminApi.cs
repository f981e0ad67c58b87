using System.Globalization;
using CampaignFlows.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampaignFlows.Sandbox.Admin;

/// <summary>The sandbox's own JSON API under <c>/_sandbox/</c>, for tests, benchmarks and the dashboard.</summary>
internal static class AdminApi
{
    private const string JsonType = "application/json";

    public static void MapAdmin(this IEndpointRouteBuilder app, SandboxState state)
    {
        var admin = app.MapGroup("/_sandbox");
        admin.MapGet("/accounts", context => AwsResponses.WriteAsync(context, state.Accounts.Select(AccountView.Of).ToList(), JsonType));
        admin.MapMethods("/accounts/{accessKeyId}/{region}", ["PUT", "PATCH", "POST"], context => Guard(context, () => UpdateAsync(context, state)));
        admin.MapGet("/stats", context => AwsResponses.WriteAsync(context, state.Statistics().ToList(), JsonType));
        admin.MapGet("/messages", context => Guard(context, () => AwsResponses.WriteAsync(context, Messages(context, state), JsonType)));
        admin.MapPost("/reset", context =>
        {
            state.ResetCounters();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapGet("/health", () => "ok");
    }

    private static async Task UpdateAsync(HttpContext context, SandboxState state)
    {
        var update = await AwsResponses.ReadAsync(context, SandboxJson.Wire.AccountUpdate, BadRequest).ConfigureAwait(false);
        var account = state.GetAccount((string)context.Request.RouteValues["accessKeyId"]!, (string)context.Request.RouteValues["region"]!);
        try
        {
            account.Update(update.ApplyTo);
        }
        catch (ArgumentException e)
        {
            throw BadRequest(e.Message);
        }
        await AwsResponses.WriteAsync(context, AccountView.Of(account), JsonType).ConfigureAwait(false);
    }

    private static List<SentMessage> Messages(HttpContext context, SandboxState state)
    {
        var query = context.Request.Query;
        var limit = 1000;
        if (query.TryGetValue("limit", out var text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
            throw BadRequest($"limit must be a positive integer, got '{text}'.");
        var key = query.TryGetValue("accessKeyId", out var k) ? k.ToString() : null;
        var all = state.SentMessages().Where(m => key is null || m.AccessKeyId == key).ToList();
        return all.Skip(Math.Max(0, all.Count - limit)).ToList();
    }

    private static async Task Guard(HttpContext context, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (AwsError error)
        {
            await AwsResponses.WriteErrorAsync(context, error, JsonType).ConfigureAwait(false);
        }
    }

    private static AwsError BadRequest(string message) => new(400, "BadRequestException", message);
}
