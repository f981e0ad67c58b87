using System.Diagnostics;
using System.Net.Http.Json;

namespace CampaignFlows.Cli.Demo;

/// <summary>Password-reset mails posted while the campaign sends, to show they stay fast.</summary>
public static class TransactionalBurst
{
    /// <summary>Posts <paramref name="count"/> messages, four at a time; returns how many were sent and the slowest answer.</summary>
    public static async Task<BurstResult> RunAsync(HttpClient http, int count, CancellationToken cancellation)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
        var gate = new SemaphoreSlim(4);
        var times = new List<double>();
        var sent = 0;
        await Task.WhenAll(Enumerable.Range(1, count).Select(async i =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                var clock = Stopwatch.StartNew();
                var response = await http.PostAsJsonAsync("api/messages", new
                {
                    template = new { name = "password-reset", subject = "Reset your password", text = "Your code is {{code}}" },
                    to = $"reset{i}@example.com",
                    data = new { code = (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                }, cancellation);
                lock (times)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    if (response.IsSuccessStatusCode) sent++;
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        times.Sort();
        return new BurstResult(count, sent, times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.99 * times.Count) - 1)]);
    }
}

/// <summary>The transactional burst's outcome.</summary>
/// <param name="Posted">Messages posted.</param>
/// <param name="Sent">Messages SES accepted.</param>
/// <param name="P99Ms">The 99th percentile answer time in milliseconds.</param>
public sealed record BurstResult(int Posted, int Sent, double P99Ms);
