using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Functions.Invocation;

/// <summary>What one invocation of a function binds its parameters from.</summary>
/// <param name="Services">The invocation's services (a scope for everything but orchestrators).</param>
/// <param name="TriggerValue">The orchestration or activity context, the timer info, the request or the queue message.</param>
/// <param name="Cancellation">Signalled on shutdown, a lost lease or an aborted request.</param>
internal sealed record InvocationContext(IServiceProvider Services, object? TriggerValue, CancellationToken Cancellation)
{
    /// <summary>The HTTP context, for HTTP functions.</summary>
    public HttpContext? Http { get; init; }
}

/// <summary>Produces one argument of a function call.</summary>
internal delegate object? ParameterBinder(InvocationContext context);
