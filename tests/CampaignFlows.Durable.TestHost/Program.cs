using CampaignFlows.Durable;
using CampaignFlows.Durable.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A host for the crash tests, run as a child process and killed with SIGKILL:
// dotnet CampaignFlows.Durable.TestHost.dll <store type> <connection> <journal> [instances] [host id] [lease seconds]
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: CampaignFlows.Durable.TestHost <sqlite|postgres> <connection string> <journal file> [instances to start] [host id] [lease seconds]");
    return 2;
}
using var host = CrashApp.Build(args[0], args[1], args[2], args.Length > 4 ? args[4] : null,
    args.Length > 5 ? TimeSpan.FromSeconds(double.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture)) : null);
await host.StartAsync();
if (args.Length > 3)
{
    var client = host.Services.GetRequiredService<DurableTaskClient>();
    for (var i = 0; i < int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture); i++)
        await client.ScheduleNewOrchestrationInstanceAsync("CrashSequence", CrashApp.Steps, new StartOrchestrationOptions($"crash-{i}"));
}
Console.WriteLine("ready");
await host.WaitForShutdownAsync();
return 0;
