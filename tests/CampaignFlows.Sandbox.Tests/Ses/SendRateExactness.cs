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
        var started = DateTime.UtcNow;
        long acceptedRecipients = 0;
        // At least 3 s, and on a starved machine until the limit was clearly hit, within a hard stop.
        bool KeepGoing() => DateTime.UtcNow - started < TimeSpan.FromSeconds(45)
            && (DateTime.UtcNow - started < TimeSpan.FromSeconds(3) || Interlocked.Read(ref acceptedRecipients) < 250 || errors.IsEmpty);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
        {
            var n = 0;
            while (KeepGoing())
            {
                var recipients = Enumerable.Range(0, 1 + (sender * 7 + n++ * 13) % 20).Select(i => $"success+{sender}-{n}-{i}@{Support.Ses.Simulator}").ToArray();
                var response = await client.SendAsync(recipients);
                statuses.Add(response.Status);
                if (response.Status == HttpStatusCode.OK) Interlocked.Add(ref acceptedRecipients, recipients.Length);
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
        Assert.True(accepted.Sum(m => m.To.Count) >= 250, "the limit should have been reached repeatedly");
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
