using System.Text.Json;
using CampaignFlows.Durable;
using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Functions;

/// <summary>Reads JSON request bodies with the answers the host gives everywhere: 415 for another content type, 400 naming what is wrong.</summary>
public static class HttpRequestJsonExtensions
{
    /// <summary>The body deserialized with <c>DurableJson.Options</c>.</summary>
    /// <exception cref="FunctionHttpException">415 when the content type is not JSON; 400 when the body is empty or not valid JSON for <typeparamref name="T"/>.</exception>
    public static async Task<T> ReadJsonAsync<T>(this HttpRequest request, CancellationToken cancellation = default)
    {
        var element = await ReadJsonElementAsync(request, allowEmpty: false, cancellation).ConfigureAwait(false);
        try
        {
            return element!.Value.Deserialize<T>(DurableJson.Options)
                ?? throw new FunctionHttpException(StatusCodes.Status400BadRequest, "Invalid request body", $"The body must be a {typeof(T).Name}, not null.");
        }
        catch (JsonException e)
        {
            throw new FunctionHttpException(StatusCodes.Status400BadRequest, "Invalid request body",
                $"The body is not a valid {typeof(T).Name}{(e.Path is null ? "" : $" at {e.Path}")}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>The body as a JSON element; null for an empty body when <paramref name="allowEmpty"/>.</summary>
    /// <exception cref="FunctionHttpException">415 when a body is present and not JSON; 400 when it is not valid JSON.</exception>
    public static async Task<JsonElement?> ReadJsonElementAsync(this HttpRequest request, bool allowEmpty, CancellationToken cancellation = default)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            if (allowEmpty) return null;
            throw new FunctionHttpException(StatusCodes.Status400BadRequest, "Missing request body", "The request needs a JSON body.");
        }
        if (!request.HasJsonContentType())
            throw new FunctionHttpException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be application/json, not '{request.ContentType ?? "(none)"}'.");
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FunctionHttpException(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {e.BytePositionInLine ?? 0}): {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
