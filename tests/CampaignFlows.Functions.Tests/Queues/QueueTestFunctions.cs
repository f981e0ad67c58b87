using System.Collections.Concurrent;

namespace CampaignFlows.Functions.Tests.Queues;

public sealed record FeedEvent(string Id, string Kind);

public static class FeedReader
{
    public static readonly ConcurrentQueue<string> Attempts = new();
    public static readonly ConcurrentQueue<string> Processed = new();

    /// <summary>"poison" always fails; "flaky" fails on its first attempt only; everything else succeeds. Three pollers share the queue.</summary>
    [Function("FeedReader")]
    public static void Run([SqsTrigger("%FeedQueueUrl%", Connection = "Sandbox", BatchSize = 10, MaxReceiveCount = 2,
        DeadLetterQueueUrl = "%FeedDeadLetterUrl%", WaitTimeSeconds = 1, Pollers = 3)] FeedEvent feed)
    {
        Attempts.Enqueue(feed.Id);
        if (feed.Kind == "poison") throw new InvalidOperationException($"cannot handle {feed.Id}");
        if (feed.Kind == "flaky" && Attempts.Count(a => a == feed.Id) == 1) throw new TimeoutException($"first try of {feed.Id}");
        Processed.Enqueue(feed.Id);
    }
}
