using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignFlows.Testing;

/// <summary>Reads a campaign's view (<c>GET /api/campaigns/{id}</c>) and waits for it to finish.</summary>
public static class CampaignStatus
{
    public static bool IsFinished(JsonElement view) => view.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated";

    /// <summary>The view, or null while the host does not know the campaign (yet) or does not answer.</summary>
    public static async Task<JsonElement?> TryGetAsync(HttpClient client, string id)
    {
        try
        {
            using var response = await client.GetAsync($"/api/campaigns/{id}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Polls until <paramref name="until"/> holds (by default: the orchestration finished); throws naming the last view.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string id, TimeSpan timeout, Func<JsonElement, bool>? until = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement? view = null;
        while (DateTime.UtcNow < deadline)
        {
            view = await TryGetAsync(client, id) ?? view;
            if (view is { } v && (until ?? IsFinished)(v)) return v;
            await Task.Delay(250);
        }
        throw new TimeoutException($"Campaign {id} did not get there within {timeout} (stuck?); last view: {view}");
    }

    /// <summary>
    /// The engine's own record of an instance (with its failure details) from the management API, for failure messages:
    /// the campaign view says that it failed, this says why.
    /// </summary>
    public static async Task<string> DescribeAsync(HttpClient client, string instanceId, string masterKey)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances/{instanceId}?showInput=false");
            request.Headers.Add("x-functions-key", masterKey);
            using var response = await client.SendAsync(request);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (HttpRequestException error)
        {
            return $"(management API unavailable: {error.Message})";
        }
    }
}
