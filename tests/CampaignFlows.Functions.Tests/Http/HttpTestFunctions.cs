using CampaignFlows.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions.Tests.Http;

public sealed record EchoRequest(string Text, int Times);

public static class HttpTestFunctions
{
    [Function("Echo")]
    public static async Task<IResult> Echo([HttpTrigger(AuthorizationLevel.Function, "post", Route = "echo")] HttpRequest req, CancellationToken cancellation)
    {
        var body = await req.ReadJsonAsync<EchoRequest>(cancellation);
        return TypedResults.Ok(new { echoed = string.Concat(Enumerable.Repeat(body.Text, body.Times)) });
    }

    [Function("AdminPing")]
    public static string AdminPing([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/ping")] HttpRequest req) => "pong";

    [Function("GetItem")]
    public static object GetItem([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}/parts/{part}")] HttpRequest req, int id, string part,
        ILogger logger)
    {
        logger.LogInformation("Item {Id}", id);
        return new { id, part };
    }

    [Function("LegacyOk")]
    public static IActionResult LegacyOk([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req) => new OkObjectResult(new { legacy = true });

    [Function("Boom")]
    public static Task<IResult> Boom([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req) =>
        throw new InvalidOperationException("secret connection string Password=hunter2");
}

/// <summary>An instance function with constructor injection.</summary>
public sealed class GreetingFunctions(TimeProvider time)
{
    [Function("Greeting")]
    public IResult Greet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "greeting/{name}")] HttpRequest req, string name) =>
        TypedResults.Ok(new { greeting = $"Hello {name}", year = time.GetUtcNow().Year });
}
