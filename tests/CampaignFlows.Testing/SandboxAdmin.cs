using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Campaigns;

namespace CampaignFlows.Testing;

/// <summary>
/// Fault switches of a running sandbox, flipped over its admin API (<c>PATCH /_sandbox/accounts/{key}/{region}</c>)
/// the way an operator or a chaos script would, not through its in-process state.
/// </summary>
public sealed class SandboxAdmin(Uri sandbox) : IDisposable
{
    /// <summary>The admin API reads the fields by their exact names and refuses others, so no camel-casing.</summary>
    private static readonly JsonSerializerOptions FieldNames = new();

    private readonly HttpClient _http = new() { BaseAddress = sandbox, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Changes the named fields (MaxSendRate, Max24HourSend, SendingPaused, Suspended, LatencyMilliseconds, ErrorProbability).</summary>
    public async Task PatchAsync(string accessKeyId, object changes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/_sandbox/accounts/{accessKeyId}/{EmbeddedSandbox.Region}") { Content = JsonContent.Create(changes, options: FieldNames) };
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The sandbox refused the change to {accessKeyId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _http.Dispose();
}
