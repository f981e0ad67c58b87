using CampaignFlows.Durable;
using CampaignFlows.Functions.Discovery;
using CampaignFlows.Functions.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions.Http;

/// <summary>Maps each HTTP-triggered function to its route, behind the key check of its level.</summary>
internal static class HttpFunctionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionDefinition> functions)
    {
        foreach (var function in functions.Where(f => f.Http is not null))
        {
            var http = function.Http!;
            var handler = Handler(function, http.Level);
            var builder = http.Methods.Count == 0 ? endpoints.Map(http.Route, handler) : endpoints.MapMethods(http.Route, http.Methods, handler);
            builder.WithName(function.Name).WithDisplayName($"Function {function.Name}");
        }
    }

    private static RequestDelegate Handler(FunctionDefinition function, AuthorizationLevel level) => async context =>
    {
        var status = context.RequestServices.GetRequiredService<HostKeys>().Authorize(context.Request, level);
        if (status != StatusCodes.Status200OK)
        {
            await Problems.WriteUnauthorizedAsync(context, status).ConfigureAwait(false);
            return;
        }
        var invocation = new InvocationContext(context.RequestServices, context.Request, context.RequestAborted) { Http = context };
        var result = await FunctionInvoker.InvokeAsync(function, invocation).ConfigureAwait(false);
        await WriteResultAsync(context, result).ConfigureAwait(false);
    };

    private static Task WriteResultAsync(HttpContext context, object? result) => result switch
    {
        IResult typed => typed.ExecuteAsync(context),
        IActionResult action => action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())),
        null => Results.NoContent().ExecuteAsync(context),
        _ => Results.Json(result, DurableJson.Options).ExecuteAsync(context),
    };
}
