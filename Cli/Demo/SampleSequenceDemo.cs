using CampaignFlows.Orchestrations;
using Spectre.Console;

namespace CampaignFlows.Cli.Demo;

/// <summary>Runs <see cref="SampleSequence"/> end to end and prints its greetings.</summary>
public sealed class SampleSequenceDemo : IDemoScenario
{
    /// <inheritdoc />
    public string Title => "Sample orchestration: SampleSequence calls SayHello for three cities";

    /// <inheritdoc />
    public async Task<int> RunAsync(DemoContext context, CancellationToken cancellation)
    {
        var id = await context.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleSequence), SampleSequence.DefaultCities,
            cancellation: cancellation).ConfigureAwait(false);
        context.Console.MarkupLineInterpolated($"Started instance [bold]{id}[/]; status: {context.HostUrl}runtime/webhooks/durabletask/instances/{id}");
        var result = await context.Console.Status().StartAsync("Waiting for the orchestration to finish…",
            _ => context.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellation)).ConfigureAwait(false);
        if (result.RuntimeStatus != Durable.OrchestrationRuntimeStatus.Completed)
        {
            context.Console.MarkupLineInterpolated($"[red]The orchestration ended {result.RuntimeStatus}: {result.FailureDetails?.ErrorMessage}[/]");
            return 1;
        }
        var table = new Table().AddColumn("Greeting");
        foreach (var greeting in result.ReadOutputAs<string[]>() ?? []) table.AddRow(Markup.Escape(greeting));
        context.Console.Write(table);
        return 0;
    }
}
