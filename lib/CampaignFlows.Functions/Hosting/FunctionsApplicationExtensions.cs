using CampaignFlows.Functions.Discovery;
using CampaignFlows.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Functions;

/// <summary>Maps the host's endpoints.</summary>
public static class FunctionsApplicationExtensions
{
    /// <summary>
    /// Checks the functions and keys (a misconfigured function fails here, naming it), then maps ProblemDetails errors, the
    /// body-size limit, <c>/health</c> and <c>/alive</c>, the HTTP functions under the route prefix and the Durable Functions management API.
    /// </summary>
    /// <exception cref="FunctionStartupException">A function or setting is misconfigured.</exception>
    public static WebApplication MapFunctions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        app.Services.GetRequiredService<HostKeys>();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        HttpFunctionEndpoints.Map(app, catalog.Functions);
        ManagementEndpoints.Map(app);
        return app;
    }
}
