using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CampaignFlows.Sandbox.Tests.Support;

/// <summary>A plain HttpClient that talks to the sandbox as an AWS SDK would, with a SigV4-shaped Authorization header.</summary>
public sealed class SandboxClient(Uri baseUrl, string accessKeyId = "AKIDTESTDEFAULT", string region = "us-east-1") : IDisposable
{
    private static readonly SocketsHttpHandler Handler = new() { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    private readonly HttpClient _http = new(Handler, disposeHandler: false) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public string AccessKeyId => accessKeyId;

    public string Region => region;

    public SandboxClient As(string key, string inRegion = "us-east-1") => new(baseUrl, key, inRegion);

    public Task<AwsResponse> SesAsync(HttpMethod method, string path, object? body = null) =>
        SendAsync(method, path, body is null ? null : Json(body, "application/json"), "ses", null);

    public Task<AwsResponse> SqsAsync(string operation, object body) =>
        SendAsync(HttpMethod.Post, "/", Json(body, "application/x-amz-json-1.0"), "sqs", "AmazonSQS." + operation);

    public Task<AwsResponse> RawAsync(HttpMethod method, string path, string body, string service, string? target, bool signed = true) =>
        SendAsync(method, path, new StringContent(body, Encoding.UTF8, "application/json"), service, target, signed);

    public async Task<AwsResponse> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body, "application/json") };
        return await ReadAsync(await _http.SendAsync(request));
    }

    private async Task<AwsResponse> SendAsync(HttpMethod method, string path, HttpContent? content, string service, string? target, bool signed = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (signed)
            request.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{DateTime.UtcNow:yyyyMMdd}/{region}/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature={new string('0', 64)}");
        if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return await ReadAsync(await _http.SendAsync(request));
    }

    private static async Task<AwsResponse> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            return new AwsResponse(response.StatusCode, body, headers);
        }
    }

    private static StringContent Json(object body, string contentType)
    {
        var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public void Dispose() => _http.Dispose();
}
