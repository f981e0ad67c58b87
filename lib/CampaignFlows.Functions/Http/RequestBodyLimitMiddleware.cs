using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignFlows.Functions.Http;

/// <summary>Applies the host's body-size limit: 413 at once when the declared length exceeds it, or when reading passes it.</summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, FunctionsHostOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBodySize)
            return Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body is {context.Request.ContentLength} bytes; the limit is {options.MaxRequestBodySize} bytes.");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxRequestBodySize;
        return next(context);
    }
}
