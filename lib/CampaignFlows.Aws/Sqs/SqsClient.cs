using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CampaignFlows.Aws.Http;
using CampaignFlows.Aws.Sqs.Model;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Aws.Sqs;

/// <summary>Amazon SQS over the AWS JSON 1.0 protocol (<c>POST /</c> with <c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>),
/// signed with SigV4 as service <c>sqs</c>.</summary>
/// <remarks>Create through <see cref="IAwsClientFactory.CreateSqs"/>; one instance per account is meant to live as long as the app.</remarks>
public sealed partial class SqsClient : ISqsClient
{
    private const int MaxBatchEntries = 10;
    // The services read UTF-8 as is; the default encoder's \u0022-style escapes (quotes inside template data and
    // message bodies) only make requests larger and slower to write and to parse.
    private static readonly SqsJsonContext Json = new(new JsonSerializerOptions(SqsJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private readonly AwsTransport _transport;

    /// <summary>Creates a client for one account over an HTTP client whose handler the caller owns and reuses.</summary>
    public SqsClient(HttpClient http, AwsAccountOptions account, TimeProvider time, ILogger<SqsClient> logger)
    {
        Account = account;
        _transport = new AwsTransport(http, account, AwsService.Sqs, time, logger);
    }

    /// <inheritdoc />
    public AwsAccountOptions Account { get; }

    /// <inheritdoc />
    public Task<CreateQueueResponse> CreateQueueAsync(CreateQueueRequest request, CancellationToken cancellationToken = default) =>
        Call("CreateQueue", request, Json.CreateQueueRequest, Json.CreateQueueResponse, cancellationToken);

    /// <inheritdoc />
    public Task<GetQueueUrlResponse> GetQueueUrlAsync(GetQueueUrlRequest request, CancellationToken cancellationToken = default) =>
        Call("GetQueueUrl", request, Json.GetQueueUrlRequest, Json.GetQueueUrlResponse, cancellationToken);

    /// <inheritdoc />
    public Task<GetQueueAttributesResponse> GetQueueAttributesAsync(GetQueueAttributesRequest request, CancellationToken cancellationToken = default) =>
        Call("GetQueueAttributes", request, Json.GetQueueAttributesRequest, Json.GetQueueAttributesResponse, cancellationToken);

    /// <inheritdoc />
    public Task PurgeQueueAsync(PurgeQueueRequest request, CancellationToken cancellationToken = default) =>
        Call("PurgeQueue", request, Json.PurgeQueueRequest, Json.EmptyResponse, cancellationToken);

    private Task<TResponse> Call<TRequest, TResponse>(string operation, TRequest request, JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken, TimeSpan extraTimeout = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new AwsCall(operation, HttpMethod.Post, "/", JsonSerializer.SerializeToUtf8Bytes(request, requestType), "AmazonSQS." + operation, extraTimeout);
        return _transport.SendAsync(call, responseType, null, cancellationToken);
    }

    private static void ValidateBatch<TEntry>(string operation, IReadOnlyList<TEntry>? entries, Func<TEntry, string> id)
    {
        var count = entries?.Count ?? 0;
        if (count is 0 or > MaxBatchEntries)
            throw new ArgumentException($"{operation} takes 1 to {MaxBatchEntries} Entries, not {count}.", nameof(entries));
        var duplicate = entries!.GroupBy(id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"{operation} entry ids must be unique in the batch; '{duplicate.Key}' appears {duplicate.Count()} times.", nameof(entries));
    }
}
