using System.CommandLine;
using CampaignFlows.Cli.Demo;
using CampaignFlows.Cli.Management;

namespace CampaignFlows.Cli;

/// <summary>Builds a configured host from command-line arguments (the body of Program.cs).</summary>
public delegate WebApplication HostFactory(string[] args);

/// <summary>The <c>campaignflows</c> command line: the host, the sandbox, the demo and the management verbs.</summary>
public static class CampaignFlowsCommand
{
    /// <summary>
    /// Ctrl+C is left to the host's own lifetime handling, which stops the engine gracefully; the command line's
    /// forced termination after a short timeout would cut that short.
    /// </summary>
    public static InvocationConfiguration Invocation { get; } = new() { ProcessTerminationTimeout = null };

    /// <summary>The root command; invoked without a verb it runs the host, as <c>func start</c> does.</summary>
    public static RootCommand Create(HostFactory hostFactory)
    {
        var root = new RootCommand("CampaignFlows: SES e-mail campaigns and dedicated-IP warm-ups as durable workflows. " +
            "Without a command, starts the host (like `func start`); host settings such as --urls or --Section:Key=value pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(StartCommand.Create(hostFactory));
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(DemoCommand.Create(hostFactory, DemoCommand.Scenarios));
        root.Subcommands.Add(WarmupSim.WarmupSimCommand.Create(FunctionApp.Build));
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(RaiseCommand.Create());
        root.Subcommands.Add(TerminateCommand.Create());
        root.SetAction((parse, cancellation) =>
        {
            if (parse.UnmatchedTokens.FirstOrDefault() is { } unknown && !unknown.StartsWith('-'))
            {
                Console.Error.WriteLine($"Unknown command '{unknown}'. Run with --help to see the commands.");
                return Task.FromResult(1);
            }
            return StartCommand.RunHostAsync(hostFactory, [.. parse.UnmatchedTokens], cancellation);
        });
        return root;
    }
}
