using System.CommandLine;
using CampaignFlows.Sandbox;

namespace CampaignFlows.Cli;

/// <summary><c>sandbox [--urls]</c>: runs the local SES v2 + SQS endpoint until Ctrl+C.</summary>
public static class SandboxCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where the sandbox listens (default {SandboxCommandLine.DefaultUrls}, the port AWS tools look for a local endpoint on).",
            DefaultValueFactory = _ => SandboxCommandLine.DefaultUrls,
        };
        var command = new Command("sandbox", "Start the local SES v2 + SQS sandbox (quotas, throttling, bounces, the SES event feed) for the host to send to.");
        command.Options.Add(urls);
        command.SetAction(async (parse, cancellation) =>
        {
            var options = SandboxCommandLine.Load([$"--Urls={parse.GetValue(urls)}"]);
            await using var sandbox = await SandboxHost.StartAsync(options, cancellation).ConfigureAwait(false);
            Console.WriteLine($"SES v2 + SQS sandbox on {sandbox.Url}. Ctrl+C stops it.");
            await ShutdownSignal.WaitAsync(cancellation).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
