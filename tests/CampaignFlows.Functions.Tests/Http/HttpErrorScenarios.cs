using System.Net;
using System.Net.Http.Json;
using System.Text;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Http;

public sealed class HttpErrorScenarios(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
    private TestHost Host => fixture.Host;

    private Task<HttpResponseMessage> PostEcho(HttpContent content) =>
        Host.Client.SendAsync(Host.Request(HttpMethod.Post, "/api/echo", TestHost.FunctionKey, content));

    [Fact]
    public async Task MalformedJsonIsBadRequestSayingWhere()
    {
        var response = await PostEcho(new StringContent("{\"text\": \"a\",", Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WrongJsonShapeIsBadRequestNamingThePath()
    {
        var response = await PostEcho(new StringContent("{\"text\": \"a\", \"times\": \"many\"}", Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.times", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NonJsonContentTypeIsUnsupportedMediaType()
    {
        var response = await PostEcho(new StringContent("text=a", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BodyOverTheLimitIsPayloadTooLarge()
    {
        var big = new { text = new string('x', 4096), times = 1 };
        var response = await PostEcho(JsonContent.Create(big));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimitIsPayloadTooLarge()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"text\":\"{new string('x', 4096)}\",\"times\":1}}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = Host.Request(HttpMethod.Post, "/api/echo", TestHost.FunctionKey, content);
        request.Headers.TransferEncodingChunked = true;
        var response = await Host.Client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UnknownRouteIsNotFoundProblem()
    {
        var response = await Host.Client.GetAsync("/api/nothing-here");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethodIsMethodNotAllowedProblem()
    {
        var response = await Host.Client.SendAsync(Host.Request(HttpMethod.Get, "/api/echo", TestHost.FunctionKey));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task UnhandledExceptionIsServerErrorWithoutInternals()
    {
        var response = await Host.Client.GetAsync("/api/Boom");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        var text = problem.GetRawText();
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperationException", text);
    }

    [Fact]
    public async Task RouteValueOfWrongTypeIsBadRequestNamingIt()
    {
        var response = await Host.Client.GetAsync("/api/items/seven/parts/lid");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'id'", problem.GetProperty("detail").GetString());
    }
}
