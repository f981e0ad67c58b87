using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace CampaignFlows.Blobs;

/// <summary>Serves the links of a host-served store (<see cref="IHostServedBlobStore"/>: the local folder or the shared database).</summary>
public static class LocalBlobLinkEndpoints
{
    /// <summary>
    /// Maps <c>GET {prefix}/{container}/{**blob}</c>: checks the link, then streams the blob with its content
    /// type (or the link's override), Content-Disposition and ETag, honouring Range requests so large
    /// attachments can resume. Refused links get 403 with the reason,
    /// missing blobs 404. Only GET and HEAD are mapped, so a link can never write.
    /// </summary>
    /// <param name="endpoints">The app's route builder.</param>
    /// <param name="prefix">The path the store's <see cref="LocalFolderBlobStoreOptions.LinkBaseUri"/> points at.</param>
    /// <returns>The endpoint convention builder, for further configuration.</returns>
    /// <remarks>
    /// Reads through the registered <see cref="IBlobStore"/> when it is host-served, else through a registered
    /// <see cref="LocalFolderBlobStore"/>; when there is neither (a storage account is configured) every link answers
    /// 404. Any host serving the same store with the same key answers the same links.
    /// </remarks>
    public static RouteHandlerBuilder MapLocalBlobLinks(this IEndpointRouteBuilder endpoints, string prefix = "/blobs")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapMethods($"{prefix.TrimEnd('/')}/{{container}}/{{**blob}}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);
    }

    private static async Task<IResult> ServeAsync(
        string container, string blob, HttpRequest request, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // Resolved per request so mapping the route is harmless when a storage account is configured instead.
        var services = request.HttpContext.RequestServices;
        if ((services.GetService<IBlobStore>() as IHostServedBlobStore ?? services.GetService<LocalFolderBlobStore>()) is not { } store)
        {
            return TypedResults.Problem(
                "Local blob links are not served here: blob storage is configured to use a storage account.",
                statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            BlobNames.ValidateContainer(container);
            BlobNames.ValidateBlob(blob);
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var check = store.Validator.Validate(container, blob, request.Query);
        if (!check.IsValid)
        {
            loggers.CreateLogger(typeof(LocalBlobLinkEndpoints)).LocalLinkRefused(container, blob, check.Failure!);
            return TypedResults.Problem($"This link is not valid: {check.Failure}.", statusCode: StatusCodes.Status403Forbidden);
        }

        var download = await store.DownloadAsync(container, blob, cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return TypedResults.Problem($"Blob '{container}/{blob}' does not exist.", statusCode: StatusCodes.Status404NotFound);
        }

        request.HttpContext.Response.RegisterForDisposeAsync(download);
        if (check.ContentDisposition is not null)
        {
            request.HttpContext.Response.Headers.ContentDisposition = check.ContentDisposition;
        }

        return TypedResults.Stream(
            download.Content,
            check.ContentType ?? download.Properties.ContentType,
            lastModified: download.Properties.LastModified,
            entityTag: EntityTagHeaderValue.Parse(download.Properties.ETag),
            enableRangeProcessing: download.Content.CanSeek);
    }
}
