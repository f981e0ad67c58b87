using System.Net;
using System.Net.Http.Json;
using CampaignFlows.Reliability.Tests.Fixtures;
using CampaignFlows.Sandbox;
using CampaignFlows.Campaigns;

namespace CampaignFlows.Reliability.Tests.ScaleOut;

/// <summary>
/// Hosts on separate machines share the PostgreSQL database but not a disk. A campaign accepted by one host must be
/// loadable by any other, since whichever host leases LoadAudience reads the staged audience.
/// </summary>
public sealed class AudienceAcrossHosts
{
    [Fact]
    public async Task AudienceStagedByOneHostIsLoadedByAnother()
    {
        await using var database = await PostgresDatabase.CreateAsync("cf_audience");
        await using var sandbox = await SandboxHost.StartAsync(EmbeddedSandbox.CreateOptions());
        var settings = AppSettings.For(sandbox.Url, database.ConnectionString);
        var (rootA, rootB) = (HostSettings.CreateContentRoot(), HostSettings.CreateContentRoot());
        try
        {
            await using var accepting = new ChildHost(rootA, settings, HostSettings.FunctionKey);
            await accepting.StartAsync(TimeSpan.FromSeconds(120));
            var body = new
            {
                id = "elsewhere",
                from = "news@shop.example",
                template = new { subject = "Hello {{name}}", text = "Hi {{name}}" },
                startAt = DateTimeOffset.UtcNow.AddSeconds(5),
                recipients = CampaignBodies.Recipients(100),
            };
            Assert.Equal(HttpStatusCode.Accepted, (await accepting.Client.PostAsJsonAsync("/api/campaigns", body)).StatusCode);
            // The accepting host dies before the start time: another machine's host carries the campaign on.
            await accepting.KillAsync();

            await using var other = new ChildHost(rootB, settings, HostSettings.FunctionKey);
            await other.StartAsync(TimeSpan.FromSeconds(120));
            var view = await CampaignStatus.WaitAsync(other.Client, "elsewhere", TimeSpan.FromMinutes(2));

            Assert.True(view.GetProperty("runtimeStatus").GetString() == "Completed",
                $"{view}\n{await CampaignStatus.DescribeAsync(other.Client, "elsewhere", HostSettings.MasterKey)}\n{other.Tail(30)}");
            Assert.Equal(100, CampaignAssertions.AccountsForEveryone(view, 100).GetProperty("sent").GetInt64());
        }
        finally
        {
            AppContentRoot.DeleteQuietly(rootA);
            AppContentRoot.DeleteQuietly(rootB);
        }
    }
}
