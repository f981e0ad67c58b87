using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignFlows.Reliability.Tests.Fixtures;
using CampaignFlows.Reliability.Tests.Security;
using Xunit.Abstractions;

namespace CampaignFlows.Reliability.Tests.Fuzzing;

public sealed class HttpFuzzing(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261122;

    private InProcessApp _app = null!;

    public async Task InitializeAsync() => _app = await InProcessApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HostileBodiesOnEveryWritableEndpointGetOnly4xxAndStartNothing()
    {
        var inputs = new FuzzInputs(Seed);
        var bodies = inputs.Bodies(40).ToList();
        var targets = RouteTable.Probes(_app.App.Services).Where(p => p.Method is "POST" or "PUT" && p.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(targets);
        using var client = _app.Client(HostSettings.MasterKey);
        var failures = new List<string>();
        foreach (var target in targets)
        {
            for (var i = 0; i < bodies.Count; i++)
            {
                foreach (var contentType in new[] { "application/json", "text/csv" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Path)
                    {
                        Content = new StringContent(bodies[i], Encoding.UTF8, contentType),
                    };
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", HeaderValue(bodies[i]));
                    using var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500 || (response.IsSuccessStatusCode && Creates(target)))
                        failures.Add($"{target.Method} {target.Pattern} body #{i} ({contentType}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        output.WriteLine($"{targets.Count} endpoints x {bodies.Count} bodies x 2 content types, seed {Seed}");
        Assert.True(failures.Count == 0, "fuzzed requests not refused with a 4xx:\n" + string.Join('\n', failures.Take(30)));
        await AssertNothingStartedAsync();
    }

    [Fact]
    public async Task PathTricksOnEveryRouteNeverGive5xx()
    {
        var inputs = new FuzzInputs(Seed);
        using var client = _app.Client(HostSettings.MasterKey);
        var failures = new List<string>();
        foreach (var probe in RouteTable.Probes(_app.App.Services).Where(p => p.Path.Contains("probe1", StringComparison.Ordinal)))
        {
            foreach (var value in inputs.PathValues())
            {
                using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path.Replace("probe1", value, StringComparison.Ordinal));
                if (probe.Method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500) failures.Add($"{probe.Method} {probe.Pattern} with '{value[..Math.Min(40, value.Length)]}': {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, "path tricks answered with 5xx:\n" + string.Join('\n', failures.Take(30)));
        await AssertNothingStartedAsync();
    }

    /// <summary>Endpoints whose body is what they create; others (e.g. blocking a template named in the route) may ignore a body.</summary>
    private static bool Creates(RouteProbe target) => !target.Pattern.Contains('{', StringComparison.Ordinal);

    /// <summary>HTTP clients refuse non-ASCII and line breaks in headers, so the hostile part kept is what a server can receive.</summary>
    private static string HeaderValue(string body) => new([.. body.Where(c => c is >= ' ' and <= '~').Take(200)]);

    private async Task AssertNothingStartedAsync()
    {
        using var client = _app.Client(HostSettings.MasterKey);
        var instances = await client.GetFromJsonAsync<JsonElement>("/runtime/webhooks/durabletask/instances");
        var started = instances.ValueKind == JsonValueKind.Array ? instances.EnumerateArray().ToList() : [];
        Assert.True(started.Count == 0, $"fuzzing started orchestrations: {instances}");
        var campaigns = await client.GetFromJsonAsync<JsonElement>("/api/campaigns");
        Assert.Empty(campaigns.EnumerateArray());
    }
}
