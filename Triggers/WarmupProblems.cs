using CampaignFlows.Domain;
using CampaignFlows.Durable;
using CampaignFlows.Functions;

namespace CampaignFlows.Triggers;

/// <summary>The problem answers the warm-up and plan endpoints share.</summary>
internal static class WarmupProblems
{
    /// <summary>400 naming every field at fault.</summary>
    public static IResult Invalid(DomainValidationException e, string title) =>
        TypedResults.ValidationProblem(
            e.Errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()),
            detail: e.Message,
            title: title);

    /// <summary>404 for a warm-up id that names no instance.</summary>
    public static IResult UnknownWarmup(string id) =>
        TypedResults.Problem($"No warm-up '{id}' exists; GET /api/warmups lists them.", statusCode: StatusCodes.Status404NotFound, title: "Unknown warm-up");

    /// <summary>409 for a second warm-up of an IP or pool, with the running instance's status URLs.</summary>
    public static IResult AlreadyRunning(DurableTaskClient client, HttpRequest request, string id, OrchestrationRuntimeStatus status) =>
        TypedResults.Problem(
            $"A warm-up of this IP or pool is already {status} as '{id}'; pause, resume or cancel it instead of starting another.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Warm-up already running",
            extensions: new Dictionary<string, object?> { ["instance"] = client.CreateHttpManagementPayload(request, id) });
}
