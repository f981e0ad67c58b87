using System.CommandLine;
using CampaignFlows.Functions;

namespace CampaignFlows.Cli;

/// <summary><c>start [--port N]</c>: runs the host until Ctrl+C, like <c>func start</c>.</summary>
public static class StartCommand
{
    /// <summary>The verb.</summary>
    public static Command Create(HostFactory hostFactory)
    {
        var port = new Option<int?>("--port", "-p")
        {
            Description = "Port to listen on at 127.0.0.1 (default: Host.LocalHttpPort from local.settings.json, else 7071).",
        };
        port.Validators.Add(r =>
        {
            if (r.GetValue(port) is < 1 or > 65535) r.AddError($"--port must be from 1 to 65535, not {r.GetValue(port)}.");
        });
        var command = new Command("start", "Start the function host: HTTP, timer and queue triggers, the durable engine and the management API.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(port);
        command.SetAction((parse, cancellation) =>
        {
            var args = parse.UnmatchedTokens.ToList();
            if (parse.GetValue(port) is { } p) args.Add($"--urls=http://127.0.0.1:{p}");
            return RunHostAsync(hostFactory, [.. args], cancellation);
        });
        return command;
    }

    /// <summary>Builds and runs the host; a configuration problem is reported in one line, without a stack trace.</summary>
    public static async Task<int> RunHostAsync(HostFactory hostFactory, string[] args, CancellationToken cancellation)
    {
        WebApplication app;
        try
        {
            app = hostFactory(args);
        }
        catch (FunctionStartupException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().WaitAsync(cancellation).ConfigureAwait(false);
        }
        return 0;
    }
}
