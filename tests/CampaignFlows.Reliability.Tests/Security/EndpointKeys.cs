using System.Net;
using CampaignFlows.Reliability.Tests.Fixtures;
using Xunit.Abstractions;

namespace CampaignFlows.Reliability.Tests.Security;

public sealed class EndpointKeys(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Routes meant to be open: the dashboard's static pages, signed blob links (which carry their own signature) and the liveness probes.</summary>
    private static readonly string[] Anonymous = ["/dashboard", "/blobs/", "/health", "/alive"];

    private InProcessApp _app = null!;

    public async Task InitializeAsync() => _app = await InProcessApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static bool IsAnonymous(RouteProbe probe) => Anonymous.Any(a => probe.Path.StartsWith(a, StringComparison.OrdinalIgnoreCase)) || probe.Path == "/";

    private async Task<HttpStatusCode> SendAsync(string? key, string method, string path)
    {
        using var client = _app.Client(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task EveryKeyedEndpointRefusesAMissingOrWrongKey()
    {
        var probes = RouteTable.Probes(_app.App.Services).Where(p => !IsAnonymous(p)).ToList();
        Assert.True(probes.Count >= 20, $"the route table looks too small: {probes.Count}");
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            var missing = await SendAsync(null, probe.Method, probe.Path);
            var wrong = await SendAsync("not-the-key", probe.Method, probe.Path);
            var wrongQuery = await SendAsync(null, probe.Method, probe.Path + "?code=not-the-key");
            output.WriteLine($"{probe.Method} {probe.Pattern}: missing {(int)missing}, wrong {(int)wrong}, wrong code {(int)wrongQuery}");
            if (missing != HttpStatusCode.Unauthorized || wrong != HttpStatusCode.Unauthorized || wrongQuery != HttpStatusCode.Unauthorized)
                failures.Add($"{probe.Method} {probe.Pattern}: {(int)missing}/{(int)wrong}/{(int)wrongQuery}");
        }
        Assert.True(failures.Count == 0, "endpoints not refusing a missing/wrong key:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task AdminOperationsRefuseTheFunctionKeyAndAcceptTheMasterKey()
    {
        var admin = RouteTable.AdminFunctions();
        Assert.NotEmpty(admin);
        foreach (var (method, route) in admin)
        {
            Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HostSettings.FunctionKey, method, route));
            var asMaster = await SendAsync(HostSettings.MasterKey, method, route);
            output.WriteLine($"{method} {route}: master {(int)asMaster}");
            Assert.NotEqual(HttpStatusCode.Unauthorized, asMaster);
            Assert.NotEqual(HttpStatusCode.Forbidden, asMaster);
        }
    }

    [Fact]
    public async Task ManagementApiRefusesTheFunctionKey()
    {
        var management = RouteTable.Probes(_app.App.Services).Where(p => p.Pattern.StartsWith("/runtime", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(management);
        foreach (var probe in management)
            Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HostSettings.FunctionKey, probe.Method, probe.Path));
    }
}
