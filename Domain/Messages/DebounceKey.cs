using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CampaignFlows.Domain;

/// <summary>A stable key for a transactional request: same template, recipient and data give the same key.</summary>
/// <remarks>
/// The key is the SHA-256 (lower-case hex) of the template name, the normalised recipient address and the
/// canonical JSON of the data (<see cref="CanonicalJson"/>): member order, whitespace and string escaping do
/// not change it; missing data and an empty object are the same. It carries no address in clear, so it may
/// appear in logs and instance ids. Repeats within a <see cref="DebounceWindow"/> get the first answer.
/// </remarks>
/// <param name="Value">64 hex characters.</param>
public sealed record DebounceKey(string Value)
{
    /// <summary>The key for a request.</summary>
    /// <param name="template">The template's name (compared exactly).</param>
    /// <param name="recipient">The recipient.</param>
    /// <param name="data">The template data; null or an empty object when none.</param>
    public static DebounceKey For(string template, EmailAddress recipient, JsonElement? data)
    {
        new Guard().Check(!string.IsNullOrWhiteSpace(template), "template", "is required.").ThrowIfAny();
        var canonical = data is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } json ? CanonicalJson.Write(json) : "{}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{template}\n{recipient.Value}\n{canonical}"));
        return new DebounceKey(Convert.ToHexStringLower(hash));
    }

    /// <summary>The key for a request whose data is JSON text.</summary>
    /// <param name="template">The template's name.</param>
    /// <param name="recipient">The recipient.</param>
    /// <param name="dataJson">The template data as JSON text; null or blank when none.</param>
    /// <exception cref="DomainValidationException">The data is not valid JSON.</exception>
    public static DebounceKey For(string template, EmailAddress recipient, string? dataJson)
    {
        if (string.IsNullOrWhiteSpace(dataJson))
        {
            return For(template, recipient, (JsonElement?)null);
        }

        try
        {
            using var document = JsonDocument.Parse(dataJson);
            return For(template, recipient, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new DomainValidationException("data", $"is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The key's value.</summary>
    public override string ToString() => Value;
}
