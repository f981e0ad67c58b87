using CampaignFlows.Activities;
using CampaignFlows.Aws;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Sqs;
using CampaignFlows.Aws.Sqs.Model;
using CampaignFlows.Campaigns;
using CampaignFlows.Data.Recipients;
using CampaignFlows.Data.State;
using CampaignFlows.Data.Statistics;
using CampaignFlows.Durable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CampaignFlows.Tests.Campaigns;

/// <summary>SendBulkEmail over mocked SES, SQS and stores; records what the activity wrote.</summary>
internal sealed class MailHarness
{
    public Mock<ISesClient> Ses { get; } = new();
    public Mock<ISqsClient> Sqs { get; } = new();
    public Mock<IRecipientBatches> Batches { get; } = new();
    public Mock<IDeliveryStatistics> Statistics { get; } = new();
    public Mock<IDeadLetterLog> DeadLetterLog { get; } = new();
    public List<RecipientResult> Recorded { get; } = [];
    public List<SendMessageRequest> DeadLetters { get; } = [];
    public MailAccounts Accounts { get; }

    /// <summary>The engine the activity reads the account's rate in force from; no limit set unless a test sets one.</summary>
    public Mock<DurableTaskClient> Engine { get; } = new();

    /// <summary>Early quota reads the activity asked for.</summary>
    public AccountLimitsNudge Nudge { get; } = new(TimeProvider.System);

    /// <summary>How many of the next result writes fail (a database fault) before one succeeds.</summary>
    public int RecordFaults { get; set; }

    /// <summary>The statistics scopes each result write asked its results to count in.</summary>
    public List<IReadOnlyList<StatsScope>> CountedIn { get; } = [];

    /// <summary>The recipient limit of every claim made.</summary>
    public List<int> ClaimLimits { get; } = [];

    public MailHarness(int recipients = 3)
    {
        var options = new MailOptions
        {
            Accounts = [new MailAccountOptions { Name = "primary", Streams = ["marketing"], ServiceUrl = "http://127.0.0.1:1", AccessKeyId = "AKID", SecretAccessKey = "s" }],
        };
        var factory = new Mock<IAwsClientFactory>();
        factory.Setup(f => f.CreateSes(It.IsAny<AwsAccountOptions>())).Returns(Ses.Object);
        factory.Setup(f => f.CreateSqs(It.IsAny<AwsAccountOptions>())).Returns(Sqs.Object);
        Accounts = new MailAccounts(Options.Create(options), factory.Object);

        Batches.Setup(b => b.ClaimBatchAsync("cmp", 7, "cmp#7", It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback<string, int, string, DateTimeOffset, int, CancellationToken>((_, _, _, _, max, _) => ClaimLimits.Add(max))
            .ReturnsAsync([.. Enumerable.Range(1, recipients).Select(i => new ClaimedRecipient(i, $"u{i}@example.com", $"u{i}@example.com", null, "{}", "example.com", 1))]);
        Batches.Setup(b => b.RecordResultsAsync("cmp", "cmp#7", It.IsAny<IReadOnlyList<RecipientResult>>(), It.IsAny<DateTimeOffset>(),
                It.IsAny<IReadOnlyList<StatsScope>?>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, IReadOnlyList<RecipientResult>, DateTimeOffset, IReadOnlyList<StatsScope>?, CancellationToken>((_, _, results, _, countIn, cancellation) =>
            {
                if (RecordFaults > 0)
                {
                    RecordFaults--;
                    throw new TimeoutException("The database did not answer.");
                }
                cancellation.ThrowIfCancellationRequested();
                Recorded.AddRange(results);
                if (countIn is not null) CountedIn.Add(countIn);
            })
            .ReturnsAsync((string _, string _, IReadOnlyList<RecipientResult> results, DateTimeOffset _, IReadOnlyList<StatsScope>? _, CancellationToken _) =>
                new RecordOutcome(results.Count, 0));
        Sqs.Setup(s => s.CreateQueueAsync(It.IsAny<CreateQueueRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateQueueResponse { QueueUrl = "http://127.0.0.1:1/000000000000/dead" });
        Sqs.Setup(s => s.SendMessageAsync(It.IsAny<SendMessageRequest>(), It.IsAny<CancellationToken>()))
            .Callback<SendMessageRequest, CancellationToken>((request, _) => DeadLetters.Add(request))
            .ReturnsAsync(new SendMessageResponse { MessageId = "dlq-1" });
    }

    public SendBulkEmail Activity() => new(Batches.Object, Statistics.Object, Accounts, new DeadLetterQueue(Accounts, DeadLetterLog.Object, TimeProvider.System),
        Engine.Object, Nudge, new SesCallPacer(), TimeProvider.System, NullLogger<SendBulkEmail>.Instance);

    public Task<BatchResult> Send() => Send(CancellationToken.None);

    public Task<BatchResult> Send(CancellationToken cancellation) =>
        Activity().Run(new SendBatch("cmp", 7, "primary", "news@shop.example", "tpl", null), cancellation);
}
