using System.Text;
using System.Text.Json;

namespace CampaignFlows.Durable.Runtime;

/// <summary>Serializes inputs, outputs and events with <see cref="DurableJson.Options"/>, with errors that say what failed where.</summary>
internal static class JsonPayload
{
    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), DurableJson.Options);

    /// <summary>Reads <paramref name="json"/> as <typeparamref name="T"/>.</summary>
    /// <param name="json">The JSON; null reads as default.</param>
    /// <param name="what">What is being read, for the error message, e.g. "the input of orchestration 'X'".</param>
    /// <exception cref="InvalidOperationException">Names the target type and the JSON path where reading failed.</exception>
    public static T? Deserialize<T>(string? json, string what)
    {
        if (json is null) return default;
        try
        {
            return JsonSerializer.Deserialize<T>(json, DurableJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(
                $"Cannot read {what} as {typeof(T).FullName}: invalid value at JSON path '{ex.Path ?? "$"}' ({ex.Message})", ex);
        }
    }

    /// <summary>Refuses a payload over <paramref name="maxBytes"/> with a message naming it and both sizes.</summary>
    /// <exception cref="ArgumentException">The payload is too large.</exception>
    public static void EnsureSize(string? json, int maxBytes, string what)
    {
        if (json is null || json.Length <= maxBytes / 4) return;
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > maxBytes) throw new ArgumentException($"{what} is {bytes:N0} bytes of JSON, over the limit of {maxBytes:N0} bytes; pass a reference instead.");
    }
}
