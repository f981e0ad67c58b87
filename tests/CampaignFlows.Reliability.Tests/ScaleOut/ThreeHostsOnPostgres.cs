using System.Net;
using System.Net.Http.Json;
using CampaignFlows.Campaigns;
using CampaignFlows.Reliability.Tests.Fixtures;
using CampaignFlows.Sandbox;
using Xunit.Abstractions;

namespace CampaignFlows.Reliability.Tests.ScaleOut;

/// <summary>
/// Three host processes on one PostgreSQL database and one sandbox (over HTTP) run five campaigns together; one host is
/// SIGKILLed mid-run and never restarted, so the other two must finish its work.
/// </summary>
public sealed class ThreeHostsOnPostgres(ITestOutputHelper output)
{
    private const int Campaigns = 5;
    private const int PerCampaign = 2_000;
    private const double Rate = 300;
    private const string Primary = "AKIDMARKETINGPRIMARY";

    /// <summary>Batches one host may have in flight (the harness host.json's 20 concurrent activities) of 50 each.</summary>
    private const int InFlightPerHost = 20 * 50;

    [Fact]
    public async Task FiveCampaignsOnThreeHostsKeepTheAccountRateAndSurviveLosingAHost()
    {
        await using var database = await PostgresDatabase.CreateAsync("cf_scale");
        var options = EmbeddedSandbox.CreateOptions();
        options.EventDelayMilliseconds = 20;
        options.Accounts[Primary] = options.Accounts[Primary] with { MaxSendRate = Rate };
        await using var sandbox = await SandboxHost.StartAsync(options);
        var settings = AppSettings.For(sandbox.Url, database.ConnectionString);
        AppSettings.SetAccountRate(settings, Primary, Rate);

        // One content root for all three: its blob folder stands in for the shared blob storage that hosts on separate
        // machines need (AzureWebJobsStorage), since a host stages an inline audience there for whichever host loads it
        // (see AudienceStagedByOneHostIsLoadedByAnother).
        var root = HostSettings.CreateContentRoot();
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var hosts = Enumerable.Range(0, 3).Select(_ => new ChildHost(root, settings, HostSettings.FunctionKey, logs)).ToList();
        try
        {
            // One at a time: the first applies the schema migrations the others then find done.
            foreach (var host in hosts) await host.StartAsync(TimeSpan.FromSeconds(120));
            for (var c = 0; c < Campaigns; c++)
            {
                var post = await hosts[c % hosts.Count].Client.PostAsJsonAsync("/api/campaigns",
                    CampaignBodies.Campaign($"scale-{c}", CampaignBodies.Recipients(PerCampaign, prefix: $"c{c}-user")));
                Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
            }

            await SentLog.WaitForAsync(sandbox, Campaigns * PerCampaign * 3 / 10, TimeSpan.FromMinutes(3));
            await hosts[0].KillAsync();
            var sentAtKill = SentLog.Total(sandbox);

            var survivor = hosts[1].Client;
            var views = new List<System.Text.Json.JsonElement>();
            for (var c = 0; c < Campaigns; c++) views.Add(await CampaignStatus.WaitAsync(survivor, $"scale-{c}", TimeSpan.FromMinutes(4)));

            var sent = SentLog.Counts(sandbox);
            var stats = sandbox.State.Statistics().Single(s => s.AccessKeyId == Primary);
            output.WriteLine($"sent at kill {sentAtKill}, total {SentLog.Total(sandbox)}, duplicates {SentLog.Duplicates(sent)}, " +
                $"max in any second {stats.MaxRecipientsInAnySecond}, throttles {stats.ThrottleCount}, " +
                $"per account {string.Join(", ", sandbox.State.SentMessages().GroupBy(m => m.AccessKeyId).Select(g => $"{g.Key}={g.Sum(m => m.To.Count)}"))}");

            foreach (var line in logs.Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(40))
                output.WriteLine(line);
            foreach (var view in views.Where(v => v.GetProperty("runtimeStatus").GetString() != "Completed"))
                output.WriteLine($"{view}\n{await CampaignStatus.DescribeAsync(survivor, view.GetProperty("id").GetString()!, HostSettings.MasterKey)}");
            for (var c = 0; c < Campaigns; c++)
            {
                Assert.Equal("Completed", views[c].GetProperty("runtimeStatus").GetString());
                var report = CampaignAssertions.AccountsForEveryone(views[c], PerCampaign);
                Assert.Equal(PerCampaign, report.GetProperty("sent").GetInt64());
                var addresses = CampaignAssertions.Addresses(PerCampaign, $"c{c}-user").ToList();
                Assert.All(addresses, a => Assert.True(sent.ContainsKey(a), $"{a} was never sent"));
            }
            Assert.InRange(SentLog.Duplicates(sent), 0, InFlightPerHost);
            Assert.True(SentLog.Total(sandbox) > sentAtKill, "nothing was sent after the kill");
            Assert.InRange(SentLog.MaxInAnySecond(sandbox, Primary), 1, (int)Rate);
            // The engine meters the account rate on lease times, shared by all hosts; SES counts on arrival. The gap
            // between the two (dispatch to a free worker, the claim transaction, the HTTP call) varies by tens to hundreds
            // of milliseconds across three processes on two cores, so a window that was full at lease time can be over
            // the rate at arrival: SES answers 429, the engine re-queues the batch without spending an attempt and
            // lowers the rate for a while. Such throttles cost time, never a recipient; they must stay rare.
            var calls = sandbox.State.SentMessages().Count(m => m.AccessKeyId == Primary) / 50.0;
            Assert.InRange(stats.ThrottleCount, 0, (long)Math.Ceiling(calls * 0.15));
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
            AppContentRoot.DeleteQuietly(root);
        }
    }
}
