using System.Net.Http.Headers;

namespace CampaignFlows.Blobs;

/// <summary>The naming rules of Azure Blob Storage, applied by every store so both behave alike.</summary>
public static class BlobNames
{
    /// <summary>The longest blob name the service accepts.</summary>
    public const int MaxBlobNameLength = 1024;

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0xA0).Where(c => char.IsControl((char)c)).Select(c => (char)c).ToArray());

    /// <summary>Checks a container name: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    /// <param name="container">The name to check.</param>
    /// <exception cref="ArgumentException">The name breaks a rule; the message says which.</exception>
    public static void ValidateContainer(string container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container.Length is < 3 or > 63)
        {
            throw new ArgumentException($"Container name '{container}' must be 3 to 63 characters long.", nameof(container));
        }

        if (!container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException(
                $"Container name '{container}' may contain only lower-case letters, digits and hyphens.", nameof(container));
        }

        if (container[0] == '-' || container[^1] == '-' || container.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Container name '{container}' must start and end with a letter or digit and have no consecutive hyphens.",
                nameof(container));
        }
    }

    /// <summary>Checks a blob name: 1-1024 characters, no control characters, no '.' or '..' segments, not ending in '.' or '/'.</summary>
    /// <param name="blobName">The name to check.</param>
    /// <exception cref="ArgumentException">The name breaks a rule; the message says which.</exception>
    /// <remarks>The segment and ending rules exist because URLs normalise such names into other blobs.</remarks>
    public static void ValidateBlob(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        if (blobName.Length is 0 or > MaxBlobNameLength)
        {
            throw new ArgumentException(
                $"Blob name must be 1 to {MaxBlobNameLength} characters long (got {blobName.Length}).", nameof(blobName));
        }

        var control = blobName.AsSpan().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            throw new ArgumentException(
                $"Blob name has a control character (U+{(int)blobName[control]:X4}) at position {control + 1}.", nameof(blobName));
        }

        if (blobName.EndsWith('.') || blobName.EndsWith('/') || blobName.StartsWith('/') || blobName.Contains('\\'))
        {
            throw new ArgumentException(
                $"Blob name '{blobName}' must not start with '/', end with '.' or '/', or contain '\\'.", nameof(blobName));
        }

        if (blobName.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException(
                $"Blob name '{blobName}' must not contain empty, '.' or '..' path segments.", nameof(blobName));
        }
    }

    /// <summary>The most blobs one listing page may ask for, as the service allows.</summary>
    public const int MaxPageSize = 5000;

    /// <summary>Checks the page size of a listing: 1 to <see cref="MaxPageSize"/>.</summary>
    /// <param name="maxResults">The requested page size.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is out of range.</exception>
    public static void ValidatePageSize(int maxResults)
    {
        if (maxResults is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResults), maxResults, $"maxResults must be between 1 and {MaxPageSize}.");
        }
    }

    /// <summary>Checks a content type and gives it in the form stores keep and return it.</summary>
    /// <param name="contentType">A MIME type, optionally with parameters, e.g. <c>text/csv; charset=utf-8</c>.</param>
    /// <returns>The normalised content type.</returns>
    /// <exception cref="ArgumentException">It is not a MIME type.</exception>
    public static string NormalizeContentType(string contentType) => ParseContentType(contentType).ToString();

    /// <summary>Parses a content type for a request header, with the same rule as <see cref="NormalizeContentType"/>.</summary>
    internal static MediaTypeHeaderValue ParseContentType(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || !parsed.MediaType!.Contains('/'))
        {
            throw new ArgumentException($"Content type '{contentType}' is not a valid MIME type such as 'application/pdf'.", nameof(contentType));
        }

        return parsed;
    }
}
