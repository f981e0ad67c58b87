using System.Net.Http.Headers;

namespace CampaignFlows.Blobs;

public sealed partial class BlobClient
{
    /// <inheritdoc />
    public async Task<BlobDownload?> DownloadAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, BlobUri(container, blobName));
        HttpResponseMessage? response = null;
        try
        {
            response = await SendAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if (await IsErrorAsync(response, "BlobNotFound", cancellationToken).ConfigureAwait(false))
            {
                response.Dispose();
                request.Dispose();
                return null;
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new BlobDownload(ReadProperties(blobName, response), stream, new Owner(response, request));
        }
        catch
        {
            response?.Dispose();
            request.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<BlobProperties?> GetPropertiesAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, BlobUri(container, blobName));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await IsErrorAsync(response, "BlobNotFound", cancellationToken).ConfigureAwait(false)
            ? null
            : ReadProperties(blobName, response);
    }

    private BlobProperties ReadProperties(string blobName, HttpResponseMessage response)
    {
        var content = response.Content.Headers;
        return new BlobProperties(
            blobName,
            content.TryGetValues("Content-Type", out var types) ? string.Join(", ", types) : "application/octet-stream",
            content.ContentLength ?? 0,
            response.Headers.ETag?.Tag ?? "",
            content.LastModified ?? clock.GetUtcNow());
    }

    /// <summary>Keeps the response (and so the connection) alive until the caller disposes the download.</summary>
    private sealed class Owner(HttpResponseMessage response, HttpRequestMessage request) : IDisposable
    {
        public void Dispose()
        {
            response.Dispose();
            request.Dispose();
        }
    }
}
