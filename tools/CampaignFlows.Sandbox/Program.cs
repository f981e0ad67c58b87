using System.Runtime.InteropServices;
using CampaignFlows.Sandbox;

// dotnet run --project tools/CampaignFlows.Sandbox -- --urls http://127.0.0.1:4566 [--config sandbox.json] [--DefaultAccount:MaxSendRate 14]
await using var sandbox = await SandboxHost.StartAsync(SandboxCommandLine.Load(args));
Console.WriteLine($"SES v2 + SQS sandbox on {sandbox.Url} (admin: {sandbox.Url}_sandbox/accounts). Ctrl+C stops it.");
var stop = new TaskCompletionSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
await stop.Task;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
