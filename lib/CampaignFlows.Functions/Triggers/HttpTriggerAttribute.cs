namespace CampaignFlows.Functions;

/// <summary>Binds the <c>HttpRequest</c> of a function reachable under the host's route prefix (<c>/api</c> by default).</summary>
/// <remarks>
/// Other parameters bind by name to route values (converted to their type), or are a <c>[DurableClient]</c>, an
/// <c>ILogger</c> or a <see cref="CancellationToken"/> (the request's abort token). Return an <c>IResult</c>, an
/// <c>IActionResult</c>, or any value (written as JSON with status 200).
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) : Attribute
{
    /// <summary>The key the caller must present.</summary>
    public AuthorizationLevel AuthLevel { get; } = authLevel;

    /// <summary>Allowed HTTP methods; any method when empty.</summary>
    public IReadOnlyList<string> Methods { get; } = methods;

    /// <summary>The route template after the prefix; the function name when null. May use <c>%Setting%</c>.</summary>
    public string? Route { get; init; }
}
