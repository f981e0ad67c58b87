using System.CommandLine;

namespace CampaignFlows.Cli.Management;

/// <summary><c>status &lt;id&gt;</c>: an instance's status from a running host.</summary>
public static class StatusCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The orchestration instance id." };
        var history = new Option<bool>("--history") { Description = "Include the instance's history events and their outputs." };
        var options = new ManagementOptions();
        var command = new Command("status", "Show an orchestration instance's status, input, custom status and output from a running host.");
        command.Arguments.Add(id);
        command.Options.Add(history);
        options.AddTo(command);
        command.SetAction((parse, cancellation) => ManagementVerb.RunAsync(options, parse, client =>
        {
            var query = parse.GetValue(history) ? "?showHistory=true&showHistoryOutput=true" : "";
            return client.SendAsync(HttpMethod.Get, $"instances/{Uri.EscapeDataString(parse.GetValue(id)!)}{query}", null, cancellation);
        }, "(no status)"));
        return command;
    }
}
