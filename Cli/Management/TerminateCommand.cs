using System.CommandLine;

namespace CampaignFlows.Cli.Management;

/// <summary><c>terminate &lt;id&gt; [--reason]</c>: terminates an instance on a running host.</summary>
public static class TerminateCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The orchestration instance id." };
        var reason = new Option<string?>("--reason") { Description = "Why it is terminated; recorded as the instance's output." };
        var options = new ManagementOptions();
        var command = new Command("terminate", "Terminate a running orchestration instance of a running host.");
        command.Arguments.Add(id);
        command.Options.Add(reason);
        options.AddTo(command);
        command.SetAction((parse, cancellation) => ManagementVerb.RunAsync(options, parse, client =>
            client.SendAsync(HttpMethod.Post,
                $"instances/{Uri.EscapeDataString(parse.GetValue(id)!)}/terminate?reason={Uri.EscapeDataString(parse.GetValue(reason) ?? "terminated from the command line")}",
                null, cancellation), "Termination accepted."));
        return command;
    }
}
