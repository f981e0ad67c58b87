using System.CommandLine;
using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using CampaignFlows.Sandbox;
using Spectre.Console;

namespace CampaignFlows.Cli.Demo;

/// <summary>
/// <c>demo</c>: the sandbox and the host in one process on the embedded defaults (SQLite store under .data/, no AWS account),
/// then each scenario in turn. Add a scenario to <see cref="Scenarios"/> to show more.
/// </summary>
public static class DemoCommand
{
    /// <summary>The scenarios the demo runs, in order.</summary>
    public static IReadOnlyList<IDemoScenario> Scenarios { get; } = [new SampleSequenceDemo()];

    /// <summary>The verb.</summary>
    public static Command Create(HostFactory hostFactory, IReadOnlyList<IDemoScenario> scenarios)
    {
        var keepRunning = new Option<bool>("--keep", "--keep-running") { Description = "Leave the host and sandbox running after the scenarios, until Ctrl+C." };
        var json = new Option<bool>("--json") { Description = "Print only the campaign report, as one JSON line (progress goes to stderr)." };
        var command = new Command("demo", "Run the demo: an in-process SES/SQS sandbox and the host on the embedded SQLite store, then the demo scenarios with progress.");
        command.Options.Add(keepRunning);
        command.Options.Add(json);
        command.SetAction((parse, cancellation) =>
        {
            var quiet = parse.GetValue(json);
            var console = quiet ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
            return RunAsync(hostFactory, [.. scenarios, new CampaignDemo(quiet)], parse.GetValue(keepRunning), console, cancellation);
        });
        return command;
    }

    /// <summary>Starts the sandbox and the host, runs the scenarios and stops both; returns the first failing exit code.</summary>
    public static async Task<int> RunAsync(HostFactory hostFactory, IReadOnlyList<IDemoScenario> scenarios, bool keepRunning, IAnsiConsole console,
        CancellationToken cancellation)
    {
        await using var sandbox = await SandboxHost.StartAsync(SandboxOptions(), cancellation).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Sandbox (SES v2 + SQS) on [blue]{sandbox.Url}[/]");
        var app = hostFactory(EmbeddedDefaults(sandbox.Url));
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
            var hostUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
            console.MarkupLineInterpolated($"Host on [blue]{hostUrl}[/]");
            var context = new DemoContext(app, hostUrl, app.Services.GetRequiredService<DurableTaskClient>(), sandbox, console);
            foreach (var scenario in scenarios)
            {
                console.Write(new Rule(Markup.Escape(scenario.Title)).LeftJustified());
                var code = await scenario.RunAsync(context, cancellation).ConfigureAwait(false);
                if (code != 0) return code;
            }
            if (keepRunning)
            {
                console.MarkupLine("Host and sandbox keep running; Ctrl+C stops them.");
                await ShutdownSignal.WaitAsync(cancellation).ConfigureAwait(false);
            }
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>The embedded accounts, with a domain that bounces and one whose recipients complain.</summary>
    public static SandboxOptions SandboxOptions()
    {
        var options = EmbeddedSandbox.CreateOptions();
        options.Domains[DemoAudience.BouncyDomain] = new DomainOutcomeOptions { BounceProbability = 0.6 };
        options.Domains[DemoAudience.GrumpyDomain] = new DomainOutcomeOptions { ComplaintProbability = 0.05 };
        return options;
    }

    /// <summary>Host arguments that pin the demo to the embedded store, a free port and the sandbox, whatever local.settings.json says.</summary>
    public static string[] EmbeddedDefaults(Uri sandboxUrl) =>
    [
        "--urls=http://127.0.0.1:0",
        "--AzureFunctionsJobHost:extensions:durableTask:storageProvider:type=sqlite",
        "--AzureFunctionsJobHost:extensions:http:maxRequestBodySize=33554432",
        "--AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionStringName=",
        $"--Aws:ServiceUrl={sandboxUrl}",
        "--Aws:AccessKeyId=sandbox",
        "--Aws:SecretAccessKey=sandbox",
        $"--FunctionKeys:default={CampaignDemo.FunctionKey}",
        $"--MasterKey={Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}",
        .. EmbeddedSandbox.Settings(sandboxUrl).Select(p => $"--{p.Key}={p.Value}"),
    ];
}
