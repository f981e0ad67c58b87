using System.Net;
using System.Xml.Linq;

namespace CampaignFlows.Blobs;

public sealed partial class BlobClient
{
    /// <summary>The error code given to answers that claim success but cannot be understood.</summary>
    public const string MalformedResponseCode = "MalformedResponse";

    /// <summary>The error code when no answer came because the connection failed.</summary>
    public const string ConnectionFailedCode = "ConnectionFailed";

    /// <summary>The error code when no answer came within the HttpClient's timeout.</summary>
    public const string TimeoutCode = "Timeout";

    // Error bodies are small XML documents; anything longer is not worth reading into an exception.
    private const int MaxErrorBodyChars = 16 * 1024;

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        SharedKeySignature.Authorize(request, account, clock.GetUtcNow());
        var target = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        try
        {
            return await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            logger.RequestFailed(request.Method.Method, request.RequestUri.AbsolutePath, 0, ConnectionFailedCode, null);
            throw new BlobStorageException(0, ConnectionFailedCode, null, $"The blob service could not be reached for {target}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.RequestFailed(request.Method.Method, request.RequestUri.AbsolutePath, 0, TimeoutCode, null);
            throw new BlobStorageException(0, TimeoutCode, null, $"The blob service did not answer {target} within {http.Timeout}.", e);
        }
    }

    /// <summary>
    /// Returns false on success, true when the service answered with the one error code the caller
    /// treats as a normal outcome, and throws <see cref="BlobStorageException"/> on any other failure.
    /// </summary>
    private async Task<bool> IsErrorAsync(HttpResponseMessage response, string expectedErrorCode, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return false;
        }

        var failure = await ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        if (failure.ErrorCode == expectedErrorCode)
        {
            return true;
        }

        throw Logged(failure, response);
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw Logged(await ToExceptionAsync(response, cancellationToken).ConfigureAwait(false), response);
        }
    }

    /// <summary>Only failures that reach the caller are logged; expected answers such as BlobNotFound are not noise.</summary>
    private BlobStorageException Logged(BlobStorageException failure, HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        logger.RequestFailed(request?.Method.Method, request?.RequestUri?.AbsolutePath ?? "(unknown)", (int)failure.Status, failure.ErrorCode, failure.RequestId);
        return failure;
    }

    private async Task<BlobStorageException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var requestId = FirstHeader(response, "x-ms-request-id");
        var (bodyCode, bodyMessage) = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var errorCode = FirstHeader(response, "x-ms-error-code") ?? bodyCode;
        var request = response.RequestMessage;
        var target = request?.RequestUri?.AbsolutePath ?? "(unknown)";
        var message = $"Blob service answered {(int)response.StatusCode} {errorCode ?? response.ReasonPhrase} "
            + $"to {request?.Method} {target}" + (bodyMessage is null ? "." : $": {bodyMessage}");
        return new BlobStorageException(response.StatusCode, errorCode, requestId, message);
    }

    private static async Task<(string? Code, string? Message)> ReadErrorBodyAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotModified || response.RequestMessage?.Method == HttpMethod.Head)
        {
            return (null, null);
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        var buffer = new char[MaxErrorBodyChars];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
        var body = new string(buffer, 0, read);
        try
        {
            var error = XDocument.Parse(body).Root;
            var message = error?.Element("Message")?.Value.Split('\n')[0].Trim();
            return (error?.Element("Code")?.Value, message);
        }
        catch (System.Xml.XmlException)
        {
            // Proxies and gateways answer with HTML or text; keep the start of it for the operator.
            var text = body.Trim();
            return (null, text.Length == 0 ? null : text[..Math.Min(text.Length, 500)]);
        }
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
