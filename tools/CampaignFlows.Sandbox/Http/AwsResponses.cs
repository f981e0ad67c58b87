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
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false)
                ?? throw malformed("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw malformed($"The request body is not valid JSON for this operation: {e.Message}");
        }
    }
}
