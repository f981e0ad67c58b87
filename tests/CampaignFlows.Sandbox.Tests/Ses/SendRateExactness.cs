using System.Collections.Concurrent;
using System.Net;
using CampaignFlows.Sandbox.Tests.Support;

namespace CampaignFlows.Sandbox.Tests.Ses;

public sealed class SendRateExactness
{
    [Fact]
    public async Task SixteenConcurrentSendersNeverExceedTheRateInAnySecond()
    {
        var options = new SandboxOptions { DefaultAccount = new AccountOptions { MaxSendRate = 100, EventTypes = [] } };
        await using var sandbox = await SandboxHost.StartAsync(options);
        using var client = new SandboxClient(sandbox.Url, "AKIDRATE");
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var errors = new ConcurrentBag<string>();
        var until = DateTime.UtcNow.AddSeconds(3);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
        {
            var n = 0;
            while (DateTime.UtcNow < until)
            {
                var recipients = Enumerable.Range(0, 1 + (sender + n++) % 4).Select(i => $"success+{sender}-{n}-{i}@{Support.Ses.Simulator}").ToArray();
                var response = await client.SendAsync(recipients);
                statuses.Add(response.Status);
                if (response.Status == HttpStatusCode.TooManyRequests) errors.Add(response.ErrorType + "|" + response.ErrorMessage);
            }
        })));

        var accepted = sandbox.State.SentMessages();
        var stats = sandbox.State.GetAccount("AKIDRATE", "us-east-1").GetStatistics();
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), accepted.Count);
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) > 0, "expected some calls to be throttled");
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.TooManyRequests), stats.ThrottleCount);
        Assert.All(errors, e => Assert.Equal("TooManyRequestsException|Maximum sending rate exceeded.", e));
        Assert.DoesNotContain(statuses, s => s is not (HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
        Assert.True(MaxInAnyOneSecondWindow(accepted) <= 100, $"a one-second window held {MaxInAnyOneSecondWindow(accepted)} recipients");
        Assert.True(stats.MaxRecipientsInAnySecond <= 100);
        Assert.True(accepted.Sum(m => m.To.Count) > 100, "the limit should have been reached repeatedly");
        Assert.Equal(accepted.Sum(m => m.To.Count), stats.SendsPerSecond.Sum(s => s.Value));
    }

    /// <summary>Recomputed from the log's accept timestamps, independently of the limiter's own bookkeeping.</summary>
    private static long MaxInAnyOneSecondWindow(IReadOnlyList<SentMessage> accepted)
    {
        var sorted = accepted.OrderBy(m => m.Timestamp).ToList();
        long max = 0, inWindow = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            inWindow += sorted[end].To.Count;
            while (sorted[end].Timestamp - sorted[start].Timestamp >= TimeSpan.FromSeconds(1)) inWindow -= sorted[start++].To.Count;
            max = Math.Max(max, inWindow);
        }
        return max;
    }
}
