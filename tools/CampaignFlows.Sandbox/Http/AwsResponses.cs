using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Sandbox.Http;

/// <summary>Writes answers and errors the way the AWS services frame them.</summary>
internal static class AwsResponses
{
    public const string SqsContentType = "application/x-amz-json-1.0";

    public static Task WriteAsync(HttpContext context, object body, string contentType)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        return JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), SandboxJson.Wire, context.RequestAborted);
    }

    /// <summary>An error with <c>x-amzn-ErrorType</c> (REST-JSON clients read it) and <c>__type</c> (JSON-protocol clients read it).</summary>
    public static Task WriteErrorAsync(HttpContext context, AwsError error, string contentType)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        response.ContentType = contentType;
        response.Headers["x-amzn-ErrorType"] = error.Type;
        if (error.QueryError is not null) response.Headers["x-amzn-query-error"] = error.QueryError;
        return JsonSerializer.SerializeAsync(response.Body, new ErrorBody(error.Type, error.Message), SandboxJson.Wire.ErrorBody, context.RequestAborted);
    }

    public static async Task<T> ReadAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, Func<string, AwsError> malformed)
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
                    return Parse(read.Buffer, type) ?? throw malformed("The request body must be a JSON object.");
                }
                finally
                {
                    reader.AdvanceTo(read.Buffer.End);
                }
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        T? Parse(System.Buffers.ReadOnlySequence<byte> body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        {
            try
            {
                var json = new Utf8JsonReader(body);
                return JsonSerializer.Deserialize(ref json, info);
            }
            catch (JsonException e)
            {
                throw malformed($"The request body is not valid JSON for this operation: {e.Message}");
            }
        }
    }
}
