using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Aws.Ses.Model;
using CampaignFlows.Warmups;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.EndToEnd.Tests.Warmups;

public sealed class WarmupStartScenarios
{
    private const long Target = WarmupRun.Target;

    [Fact]
    public async Task SecondWarmupOfTheSameIpIsRefusedWithTheRunningInstancesUrls()
    {
        await using var run = await WarmupRun.StartAsync(Target, 10);
        Assert.Equal(HttpStatusCode.Accepted, (await run.PostAsync(Target)).StatusCode);

        var again = await run.PostAsync(Target);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        var instance = problem.GetProperty("instance");
        Assert.Equal(WarmupRun.Id, instance.GetProperty("id").GetString());
        Assert.Contains(Uri.EscapeDataString(WarmupRun.Id), instance.GetProperty("statusQueryGetUri").GetString());
        Assert.NotNull(instance.GetProperty("terminatePostUri").GetString());
        Assert.Single((await run.App.Client.GetFromJsonAsync<JsonElement[]>("/api/warmups"))!);
    }

    [Fact]
    public async Task SesAutoModeSizesTheDedicatedShareFromSesAndRaisesItWhenThePlanIsAhead()
    {
        await using var run = await WarmupRun.StartAsync(Target, 10);
        var ses = run.App.App.Services.GetRequiredService<WarmupSes>().Client();
        await ses.PutDedicatedIpWarmupAttributesAsync(new PutDedicatedIpWarmupAttributesRequest { Ip = WarmupRun.Ip, WarmupPercentage = 0 }, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Accepted, (await run.PostAsync(Target, WarmupModes.SesAuto)).StatusCode);

        var first = await run.RunDaysAsync(1);

        Assert.Equal((0m, 0L), (first.Status!.LastDay!.WarmupPercent, first.Status.LastDay.Dip));
        var raised = (await ses.GetDedicatedIpAsync(new GetDedicatedIpRequest { Ip = WarmupRun.Ip }, CancellationToken.None)).DedicatedIp!;
        Assert.Equal((3, "IN_PROGRESS"), (raised.WarmupPercentage, raised.WarmupStatus));

        var second = await run.RunDaysAsync(2);

        Assert.Equal(3m, second.Status!.LastDay!.WarmupPercent);
        Assert.Equal(second.Status.LastDay.Planned * 3 / 100, second.Status.LastDay.Dip);
    }
}
