using CampaignFlows.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace CampaignFlows.Sandbox.Sqs;

/// <summary>SQS's JSON 1.0 protocol: every call is a POST whose <c>X-Amz-Target</c> names the operation.</summary>
internal static partial class SqsApi
{
    private const string TargetPrefix = "AmazonSQS.";

    public static bool IsSqs(HttpRequest request) => request.Headers.ContainsKey("X-Amz-Target");

    public static async Task HandleAsync(HttpContext context, SandboxState state)
    {
        try
        {
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            if (!HttpMethods.IsPost(context.Request.Method) || !target.StartsWith(TargetPrefix, StringComparison.Ordinal))
                throw SqsErrors.UnknownOperation();
            var call = new SqsCall(context, state, AwsCaller.From(context.Request));
            object result = target[TargetPrefix.Length..] switch
            {
                "CreateQueue" => await CreateQueueAsync(call).ConfigureAwait(false),
                "GetQueueUrl" => await GetQueueUrlAsync(call).ConfigureAwait(false),
                "GetQueueAttributes" => await GetQueueAttributesAsync(call).ConfigureAwait(false),
                "PurgeQueue" => await PurgeQueueAsync(call).ConfigureAwait(false),
                "SendMessage" => await SendMessageAsync(call).ConfigureAwait(false),
                "SendMessageBatch" => await SendMessageBatchAsync(call).ConfigureAwait(false),
                "ReceiveMessage" => await ReceiveMessageAsync(call).ConfigureAwait(false),
                "DeleteMessage" => await DeleteMessageAsync(call).ConfigureAwait(false),
                "DeleteMessageBatch" => await DeleteMessageBatchAsync(call).ConfigureAwait(false),
                "ChangeMessageVisibility" => await ChangeMessageVisibilityAsync(call).ConfigureAwait(false),
                "ChangeMessageVisibilityBatch" => await ChangeMessageVisibilityBatchAsync(call).ConfigureAwait(false),
                _ => throw SqsErrors.UnknownOperation(),
            };
            await AwsResponses.WriteAsync(context, result, AwsResponses.SqsContentType).ConfigureAwait(false);
        }
        catch (AwsError error)
        {
            await AwsResponses.WriteErrorAsync(context, error, AwsResponses.SqsContentType).ConfigureAwait(false);
        }
    }
}

/// <summary>One SQS request with its caller.</summary>
internal sealed record SqsCall(HttpContext Context, SandboxState State, AwsCaller Caller)
{
    public string AccountId => State.GetAccount(Caller.AccessKeyId, Caller.Region).AccountId;

    public Task<T> ReadAsync<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class =>
        AwsResponses.ReadAsync(Context, type, SqsErrors.Serialization);

    public long NowMs => State.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The queue a URL names (<c>…/{accountId}/{name}</c>), in the caller's region.</summary>
    public SqsQueue Queue(string? url)
    {
        if (string.IsNullOrEmpty(url)) throw SqsErrors.MissingParameter("QueueUrl");
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        var parts = path.Trim('/').Split('/');
        if (parts.Length != 2) throw SqsErrors.QueueDoesNotExist();
        return State.Queues.Find(Caller.Region, parts[0], parts[1]) ?? throw SqsErrors.QueueDoesNotExist();
    }

    public string UrlOf(SqsQueue queue)
    {
        var request = Context.Request;
        return $"{request.Scheme}://{request.Host}/{queue.AccountId}/{queue.Name}";
    }
}
