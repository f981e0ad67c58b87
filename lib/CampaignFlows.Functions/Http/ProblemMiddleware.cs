using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions.Http;

/// <summary>Turns every failure into a ProblemDetails answer: the client's errors with what was wrong, the host's without internals.</summary>
internal sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (FunctionHttpException e) when (!context.Response.HasStarted)
        {
            await Problems.WriteAsync(context, e.StatusCode, e.Title, e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var tooLarge = e.StatusCode == StatusCodes.Status413PayloadTooLarge;
            await Problems.WriteAsync(context, e.StatusCode, tooLarge ? "Request body too large" : "Bad request",
                tooLarge ? $"The body exceeds the limit of {context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes." : e.Message)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Logs.RequestFailed(logger, e, context.Request.Method, context.Request.Path);
            await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal server error",
                "The request failed on the server; the details are in the host's log.").ConfigureAwait(false);
        }
    }
}
