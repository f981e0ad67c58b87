using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Cli;
using CampaignFlows.Cli.Demo;
using CampaignFlows.Durable;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CampaignFlows.Tests.Host;

public sealed class CliScenarios(AppHost host) : IClassFixture<AppHost>
{
    private Task<int> RunAsync(params string[] args) =>
        CampaignFlowsCommand.Create(host.Build).Parse(args).InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });

    private string[] Target => ["--url", host.Url.ToString(), "--key", AppHost.MasterKey];

    [Theory]
    [InlineData("start")]
    [InlineData("sandbox")]
    [InlineData("demo")]
    [InlineData("status")]
    [InlineData("raise")]
    [InlineData("terminate")]
    public void EveryVerbExplainsItselfInHelp(string verb)
    {
        var output = new StringWriter();
        var code = CampaignFlowsCommand.Create(host.Build).Parse([verb, "--help"]).Invoke(new InvocationConfiguration { Output = output });
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output.ToString());
        Assert.Contains(verb, output.ToString());
    }

    [Fact]
    public async Task UnknownVerbFailsInsteadOfStartingTheHost()
    {
        Assert.Equal(1, await RunAsync("stauts", "abc"));
    }

    [Fact]
    public async Task StatusOfCompletedInstanceSucceedsAndOfUnknownInstanceFails()
    {
        var client = host.App.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("SampleSequence", new[] { "Lagos" });
        await client.WaitForInstanceCompletionAsync(id);
        Assert.Equal(0, await RunAsync(["status", id, "--history", .. Target]));
        Assert.Equal(1, await RunAsync(["status", "no-such-instance", .. Target]));
    }

    [Fact]
    public async Task RaiseAndTerminateReachTheManagementApi()
    {
        var client = host.App.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync("SampleSequence", new[] { "Accra" },
            new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Equal(0, await RunAsync(["raise", id, "Nudge", """{"by":"cli"}""", .. Target]));
        Assert.Equal(0, await RunAsync(["terminate", id, "--reason", "test", .. Target]));
        var done = await client.WaitForInstanceCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal(1, await RunAsync(["terminate", id, .. Target]));
    }

    [Fact]
    public async Task RaiseWithMalformedJsonIsRefusedBeforeCallingTheHost()
    {
        Assert.NotEqual(0, await RunAsync(["raise", "any", "Nudge", "{not json", .. Target]));
    }

    [Fact]
    public async Task ManagementVerbWithInvalidUrlIsRefused()
    {
        Assert.NotEqual(0, await RunAsync("status", "x", "--url", "not a url", "--key", "k"));
    }

    [Fact]
    public async Task ManagementVerbWithoutReachableHostFailsClearly()
    {
        Assert.Equal(2, await RunAsync("status", "x", "--url", "http://127.0.0.1:9", "--key", "k"));
    }

    [Fact]
    public async Task DemoRunsTheSampleOrchestrationEndToEnd()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        var code = await DemoCommand.RunAsync(host.Build, DemoCommand.Scenarios, keepRunning: false, console, CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Contains("Hello Tokyo!", output.ToString());
        Assert.Contains("Hello London!", output.ToString());
    }
}
