using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Blobs;

/// <summary>
/// A thin client for the Azure Blob Storage REST API (version 2021-08-06) with SharedKey authorization.
/// Works against Azure Storage and Azurite alike.
/// </summary>
/// <remarks>
/// Give it an <see cref="HttpClient"/> from <c>IHttpClientFactory</c>; the client is stateless apart from it
/// and safe to share between threads. Requests are not retried here: callers wrap them in their own
/// retry policy. Failures the service reports surface as <see cref="BlobStorageException"/>.
/// </remarks>
public sealed partial class BlobClient : IBlobStore
{
    private readonly HttpClient http;
    private readonly StorageAccount account;
    private readonly BlobClientOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    /// <summary>Creates a client for one storage account.</summary>
    /// <param name="http">The HTTP client to send with (its BaseAddress is not used).</param>
    /// <param name="account">The account, e.g. from <see cref="StorageAccount.Parse"/>.</param>
    /// <param name="options">Block size; null for the defaults.</param>
    /// <param name="clock">The clock for request dates and link expiry; null for the system clock.</param>
    /// <param name="logger">Where failures are logged; null for none.</param>
    public BlobClient(
        HttpClient http, StorageAccount account, BlobClientOptions? options = null, TimeProvider? clock = null,
        ILogger<BlobClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(account);
        this.options = options ?? new BlobClientOptions();
        this.options.Validate();
        this.http = http;
        this.account = account;
        this.clock = clock ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The account this client talks to.</summary>
    public StorageAccount Account => account;

    /// <inheritdoc />
    public async Task CreateContainerAsync(string container, CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{BlobPaths.ContainerUri(account.BlobEndpoint, container)}?restype=container");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (await IsErrorAsync(response, "ContainerAlreadyExists", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        logger.ContainerCreated(container);
    }

    /// <inheritdoc />
    public Uri CreateReadLink(string container, string blobName, BlobLinkOptions? options = null)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidateBlob(blobName);
        options ??= new BlobLinkOptions();
        var expiry = options.ResolveExpiry(clock.GetUtcNow());
        return new ServiceSas(account, container, blobName, expiry, options.ContentDisposition, options.ContentType).ToUri();
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string container, string blobName, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, BlobUri(container, blobName));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return !await IsErrorAsync(response, "BlobNotFound", cancellationToken).ConfigureAwait(false);
    }

    private string BlobUri(string container, string blobName)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidateBlob(blobName);
        return BlobPaths.BlobUri(account.BlobEndpoint, container, blobName);
    }
}
