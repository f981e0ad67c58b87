using System.Reflection;
using System.Text.RegularExpressions;
using CampaignFlows.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.Reliability.Tests.Security;

/// <summary>One concrete request per route in the running app's route table, with route values filled in.</summary>
public sealed record RouteProbe(string Method, string Path, string Pattern);

public static partial class RouteTable
{
    /// <summary>Every mapped route and method, so an endpoint added later is probed without editing the tests.</summary>
    public static IReadOnlyList<RouteProbe> Probes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Select(m => new RouteProbe(m, "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "probe1"), e.RoutePattern.RawText!)))
            .Where(p => !p.Path.Contains('*'))
            .Distinct()
            .ToList();

    /// <summary>Routes (with the "api" prefix) of functions declared at <see cref="AuthorizationLevel.Admin"/>.</summary>
    public static IReadOnlyList<(string Method, string Route)> AdminFunctions() =>
        typeof(FunctionApp).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .Where(a => a.AuthLevel == AuthorizationLevel.Admin)
            .SelectMany(a => a.Methods.Select(m => (m.ToUpperInvariant(), "/api/" + Parameter().Replace(a.Route!, "probe1"))))
            .ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
