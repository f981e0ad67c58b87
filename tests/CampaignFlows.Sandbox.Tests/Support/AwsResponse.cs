using System.Net;
using System.Text.Json;

namespace CampaignFlows.Sandbox.Tests.Support;

/// <summary>An answer from the sandbox: status, headers and the parsed JSON body.</summary>
public sealed record AwsResponse(HttpStatusCode Status, JsonElement Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string ErrorType => Header("x-amzn-ErrorType") ?? Body.GetProperty("__type").GetString()!;

    public string ErrorMessage => Body.GetProperty("message").GetString()!;

    public string Text(string property) => Body.GetProperty(property).GetString()!;
}
