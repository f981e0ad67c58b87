using CampaignFlows.Aws;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Campaigns;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Testing;

/// <summary>Reads the sandbox's SQS queues (event feed, dead letters) over HTTP with the project's own SQS client.</summary>
public sealed class SandboxQueues : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly SqsClient _sqs;
    private readonly Uri _sandbox;

    public SandboxQueues(Uri sandbox)
    {
        _sandbox = sandbox;
        _sqs = new SqsClient(_http, new AwsAccountOptions
        {
            Name = "test-reader",
            Region = EmbeddedSandbox.Region,
            ServiceUrl = sandbox,
            AccessKeyId = EmbeddedSandbox.Accounts[0].KeyId,
            SecretAccessKey = "sandbox-secret",
        }, TimeProvider.System, NullLogger<SqsClient>.Instance);
    }

    public string Url(string name) => $"{_sandbox.ToString().TrimEnd('/')}/{EmbeddedSandbox.AccountId}/{name}";

    /// <summary>Messages in the queue, visible or in flight; 0 for a queue that does not exist.</summary>
    public async Task<int> CountAsync(string name)
    {
        try
        {
            var attributes = await _sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
            {
                QueueUrl = Url(name),
                AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
            });
            return attributes.Attributes.Values.Sum(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (AwsServiceException e) when (IsMissingQueue(e))
        {
            return 0;
        }
    }

    /// <summary>Creates a queue with the given attributes (e.g. VisibilityTimeout, RedrivePolicy); returns its URL.</summary>
    public async Task<string> CreateAsync(string name, Dictionary<string, string> attributes) =>
        (await _sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl!;

    /// <summary>The ARN of a queue in the embedded accounts' AWS account, for redrive policies.</summary>
    public static string Arn(string name) => $"arn:aws:sqs:{EmbeddedSandbox.Region}:{EmbeddedSandbox.AccountId}:{name}";

    /// <summary>Puts a raw body on the queue, as SNS would.</summary>
    public Task SendAsync(string name, string body) => _sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Url(name), MessageBody = body });

    /// <summary>Receives (and deletes) every message now visible in the queue; returns the bodies (none for a queue that does not exist).</summary>
    public async Task<List<string>> DrainAsync(string name)
    {
        var bodies = new List<string>();
        while (true)
        {
            ReceiveMessageResponse received;
            try
            {
                received = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = Url(name), MaxNumberOfMessages = 10, WaitTimeSeconds = 0 });
            }
            catch (AwsServiceException e) when (IsMissingQueue(e))
            {
                return bodies;
            }
            if (received.Messages.Count == 0) return bodies;
            foreach (var message in received.Messages)
            {
                bodies.Add(message.Body ?? "");
                await _sqs.DeleteMessageAsync(new DeleteMessageRequest { QueueUrl = Url(name), ReceiptHandle = message.ReceiptHandle! });
            }
        }
    }

    /// <summary>Queues such as the dead-letter queue are created on first use; before that there is nothing in them.</summary>
    private static bool IsMissingQueue(AwsServiceException e) =>
        e.ErrorCode.Contains("NonExistentQueue", StringComparison.Ordinal) || e.ErrorCode.Contains("QueueDoesNotExist", StringComparison.Ordinal);

    public void Dispose() => _http.Dispose();
}
