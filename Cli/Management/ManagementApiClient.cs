using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CampaignFlows.Cli.Management;

/// <summary>Calls a running host's Durable Functions management API with the master key.</summary>
public sealed class ManagementApiClient(Uri baseUrl, string key) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Sends a request to <c>/runtime/webhooks/durabletask/{path}</c>; the body, if any, is JSON.</summary>
    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? jsonBody, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, $"runtime/webhooks/durabletask/{path}");
        request.Headers.Add("x-functions-key", key);
        if (jsonBody is not null) request.Content = new StringContent(jsonBody, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
    }

    /// <summary>Prints the answer: indented JSON on success, the problem's detail on stderr otherwise; returns the exit code.</summary>
    public static int Report(int status, string body, string success)
    {
        if (status is >= 200 and < 300)
        {
            Console.WriteLine(body.Length == 0 ? success : Indented(body));
            return 0;
        }
        Console.Error.WriteLine($"HTTP {status}: {Detail(body)}");
        return 1;
    }

    private static string Indented(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body.Length == 0 ? "(no body)" : body;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
