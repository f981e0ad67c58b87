using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CampaignFlows.Aws.Http;
using CampaignFlows.Aws.Ses.Model;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Aws.Ses;

/// <summary>Amazon SES v2 over REST-JSON, signed with SigV4 as service <c>ses</c>.</summary>
/// <remarks>Create through <see cref="IAwsClientFactory.CreateSes"/>; one instance per account is meant to live as long as the app.</remarks>
public sealed partial class SesV2Client : ISesClient
{
    // The services read UTF-8 as is; the default encoder's \u0022-style escapes (quotes inside template data and
    // message bodies) only make requests larger and slower to write and to parse.
    private static readonly SesJsonContext Json = new(new JsonSerializerOptions(SesJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private readonly AwsTransport _transport;

    /// <summary>Creates a client for one account over an HTTP client whose handler the caller owns and reuses.</summary>
    public SesV2Client(HttpClient http, AwsAccountOptions account, TimeProvider time, ILogger<SesV2Client> logger)
    {
        Account = account;
        _transport = new AwsTransport(http, account, AwsService.SesV2, time, logger);
    }

    /// <inheritdoc />
    public AwsAccountOptions Account { get; }

    /// <inheritdoc />
    public Task<SendEmailResponse> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Post("SendEmail", "/v2/email/outbound-emails", request, Json.SendEmailRequest, Json.SendEmailResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SendBulkEmailResponse> SendBulkEmailAsync(SendBulkEmailRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var count = request.BulkEmailEntries?.Count ?? 0;
        if (count is 0 or > SendBulkEmailRequest.MaxEntries)
            throw new ArgumentException($"SendBulkEmail takes 1 to {SendBulkEmailRequest.MaxEntries} BulkEmailEntries, not {count}.", nameof(request));
        // Results are matched to entries by position, so a short or long answer cannot be used.
        return _transport.SendAsync(
            new AwsCall("SendBulkEmail", HttpMethod.Post, "/v2/email/outbound-bulk-emails", JsonSerializer.SerializeToUtf8Bytes(request, Json.SendBulkEmailRequest), null),
            Json.SendBulkEmailResponse,
            response => response.BulkEmailEntryResults.Count == count ? null : $"it holds {response.BulkEmailEntryResults.Count} BulkEmailEntryResults for {count} entries.",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetAccountResponse> GetAccountAsync(CancellationToken cancellationToken = default) =>
        Get("GetAccount", "/v2/email/account", Json.GetAccountResponse, cancellationToken);

    private Task<TResponse> Get<TResponse>(string operation, string pathAndQuery, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        _transport.SendAsync(new AwsCall(operation, HttpMethod.Get, pathAndQuery, null, null), responseType, null, cancellationToken);

    private Task<TResponse> Post<TRequest, TResponse>(string operation, string path, TRequest request, JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        _transport.SendAsync(new AwsCall(operation, HttpMethod.Post, path, JsonSerializer.SerializeToUtf8Bytes(request, requestType), null), responseType, null, cancellationToken);

    private Task Send<TRequest>(string operation, HttpMethod method, string path, TRequest request, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken) =>
        _transport.SendAsync(new AwsCall(operation, method, path, JsonSerializer.SerializeToUtf8Bytes(request, requestType), null), Json.EmptyResponse, null, cancellationToken);

    private Task Send(string operation, HttpMethod method, string path, CancellationToken cancellationToken) =>
        _transport.SendAsync(new AwsCall(operation, method, path, null, null), Json.EmptyResponse, null, cancellationToken);

    private static string Segment(string value, string member)
    {
        if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{member} must not be empty.", member);
        return UriEncoding.Encode(value);
    }
}
