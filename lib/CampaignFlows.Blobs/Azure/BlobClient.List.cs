using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CampaignFlows.Blobs;

public sealed partial class BlobClient
{
    /// <inheritdoc />
    public async Task<BlobPage> ListAsync(
        string container, string? prefix = null, string? marker = null, int maxResults = 5000,
        CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidatePageSize(maxResults);

        var uri = new StringBuilder(BlobPaths.ContainerUri(account.BlobEndpoint, container))
            .Append("?restype=container&comp=list&maxresults=").Append(maxResults.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(prefix))
        {
            uri.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
        }

        if (!string.IsNullOrEmpty(marker))
        {
            uri.Append("&marker=").Append(Uri.EscapeDataString(marker));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri.ToString());
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var document = await XDocument.LoadAsync(body, LoadOptions.None, cancellationToken).ConfigureAwait(false);
            return ParseListing(document);
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            throw Logged(
                new BlobStorageException(
                    response.StatusCode, MalformedResponseCode, FirstHeader(response, "x-ms-request-id"),
                    $"The List Blobs answer for container '{container}' is not a valid listing: {e.Message}", e),
                response);
        }
    }

    private BlobPage ParseListing(XDocument document)
    {
        var root = document.Root ?? throw new FormatException("The List Blobs answer has no root element.");
        var blobs = root.Element("Blobs")?.Elements("Blob").Select(ParseBlob).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return new BlobPage(blobs, string.IsNullOrEmpty(next) ? null : next);
    }

    private BlobProperties ParseBlob(XElement blob)
    {
        var properties = blob.Element("Properties");
        var lastModified = properties?.Element("Last-Modified")?.Value;
        return new BlobProperties(
            blob.Element("Name")?.Value ?? throw new FormatException("A blob in the List Blobs answer has no Name."),
            properties?.Element("Content-Type")?.Value ?? "application/octet-stream",
            long.TryParse(properties?.Element("Content-Length")?.Value, CultureInfo.InvariantCulture, out var length) ? length : 0,
            properties?.Element("Etag")?.Value is { } etag ? Quote(etag) : "",
            DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : clock.GetUtcNow());
    }

    // Listings give ETags bare or quoted depending on the service version; headers always quote them.
    private static string Quote(string etag) => etag.StartsWith('"') ? etag : $"\"{etag}\"";
}
