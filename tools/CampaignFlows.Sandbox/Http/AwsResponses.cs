using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Sandbox.Http;

/// <summary>Writes answers and errors the way the AWS services frame them.</summary>
internal static class AwsResponses
{
    public const string SqsContentType = "application/x-amz-json-1.0";

    // A per-thread buffer bigger than this (an admin listing of many messages) is dropped after use, not kept.
    private const int KeptBufferBytes = 1 << 20;

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static Task WriteAsync(HttpContext context, object body, string contentType)
    {
        context.Response.StatusCode = 200;
        return WriteJsonAsync(context, body, SandboxJson.Wire.Options.GetTypeInfo(body.GetType()), contentType);
    }

    /// <summary>An error with <c>x-amzn-ErrorType</c> (REST-JSON clients read it) and <c>__type</c> (JSON-protocol clients read it).</summary>
    public static Task WriteErrorAsync(HttpContext context, AwsError error, string contentType)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        response.Headers["x-amzn-ErrorType"] = error.Type;
        if (error.QueryError is not null) response.Headers["x-amzn-query-error"] = error.QueryError;
        return WriteJsonAsync(context, new ErrorBody(error.Type, error.Message), SandboxJson.Wire.ErrorBody, contentType);
    }

    /// <summary>
    /// Serializes the whole answer synchronously into a reused per-thread buffer, then sends it with its Content-Length:
    /// far cheaper than streaming serialization, and a known length spares Kestrel the chunked framing.
    /// </summary>
    private static async Task WriteJsonAsync(HttpContext context, object body, JsonTypeInfo type, string contentType)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SandboxJson.Wire.Options.Encoder });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, body, type);
        writer.Flush();
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = buffer.WrittenCount;
        // Write copies into Kestrel's pipe, so the buffer is free again before the first await.
        response.BodyWriter.Write(buffer.WrittenSpan);
        if (buffer.Capacity > KeptBufferBytes) (t_buffer, t_writer) = (null, null);
        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, Func<string, AwsError> malformed)
        where T : class
    {
        // Reading the whole body first lets the parser run synchronously over one buffer, far cheaper than
        // the resumable async path for the small bodies these APIs take.
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (read.IsCompleted || read.IsCanceled)
            {
                try
                {
                    return Parse(read.Buffer, type, malformed) ?? throw malformed("The request body must be a JSON object.");
                }
                finally
                {
                    reader.AdvanceTo(read.Buffer.End);
                }
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static T? Parse<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> type, Func<string, AwsError> malformed)
    {
        if (body.IsSingleSegment) return Parse(body.FirstSpan, type, malformed);
        // Kestrel hands a body over in pipe segments of a few KiB; one contiguous copy parses much faster than the
        // reader's multi-segment path.
        var length = checked((int)body.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return Parse(rented.AsSpan(0, length), type, malformed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static T? Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> type, Func<string, AwsError> malformed)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException e)
        {
            throw malformed($"The request body is not valid JSON for this operation: {e.Message}");
        }
    }
}
