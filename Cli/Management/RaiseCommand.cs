using System.CommandLine;
using System.Text.Json;

namespace CampaignFlows.Cli.Management;

/// <summary><c>raise &lt;id&gt; &lt;event&gt; [json]</c>: sends an external event to an instance on a running host.</summary>
public static class RaiseCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The orchestration instance id." };
        var eventName = new Argument<string>("event") { Description = "The event name the orchestration waits for." };
        var payload = new Argument<string?>("json") { Description = "The event's payload as JSON (e.g. '{\"approved\":true}'); none when omitted.", Arity = ArgumentArity.ZeroOrOne };
        payload.Validators.Add(r =>
        {
            if (r.GetValue(payload) is not { } json) return;
            try
            {
                using var _ = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                r.AddError($"The event payload is not valid JSON: {e.Message}");
            }
        });
        var options = new ManagementOptions();
        var command = new Command("raise", "Raise an external event on an orchestration instance of a running host.");
        command.Arguments.Add(id);
        command.Arguments.Add(eventName);
        command.Arguments.Add(payload);
        options.AddTo(command);
        command.SetAction((parse, cancellation) => ManagementVerb.RunAsync(options, parse, client =>
            client.SendAsync(HttpMethod.Post,
                $"instances/{Uri.EscapeDataString(parse.GetValue(id)!)}/raiseEvent/{Uri.EscapeDataString(parse.GetValue(eventName)!)}",
                parse.GetValue(payload), cancellation), "Event accepted."));
        return command;
    }
}
