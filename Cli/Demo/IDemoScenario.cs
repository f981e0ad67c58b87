using CampaignFlows.Durable;
using CampaignFlows.Sandbox;
using Spectre.Console;

namespace CampaignFlows.Cli.Demo;

/// <summary>One story the <c>demo</c> verb tells against a running host and sandbox.</summary>
public interface IDemoScenario
{
    /// <summary>A short title shown before it runs.</summary>
    string Title { get; }

    /// <summary>Runs the scenario to its end; returns the process exit code (0 on success).</summary>
    Task<int> RunAsync(DemoContext context, CancellationToken cancellation);
}

/// <summary>What a demo scenario works with: the host (on the embedded SQLite store), its client, the in-process sandbox and the console.</summary>
/// <param name="Host">The running function host.</param>
/// <param name="HostUrl">Where the host listens.</param>
/// <param name="Client">The host's durable task client.</param>
/// <param name="Sandbox">The SES v2 + SQS sandbox the host sends to.</param>
/// <param name="Console">Where to show progress and results.</param>
public sealed record DemoContext(WebApplication Host, Uri HostUrl, DurableTaskClient Client, SandboxHost Sandbox, IAnsiConsole Console);
