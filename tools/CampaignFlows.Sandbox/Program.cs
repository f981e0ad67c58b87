using CampaignFlows.Sandbox;
using Microsoft.Extensions.Configuration;

// dotnet run --project tools/CampaignFlows.Sandbox -- --urls http://127.0.0.1:4566 [--config sandbox.json] [--DefaultAccount:MaxSendRate 14]
var flags = new ConfigurationBuilder().AddCommandLine(args).Build();
var configuration = new ConfigurationBuilder();
if (flags["config"] is { } file) configuration.AddJsonFile(Path.GetFullPath(file), optional: false);
configuration.AddCommandLine(args);
var options = configuration.Build().Get<SandboxOptions>() ?? new SandboxOptions();
options.Urls ??= "http://127.0.0.1:4566";

await using var sandbox = await SandboxHost.StartAsync(options);
Console.WriteLine($"SES v2 + SQS sandbox on {sandbox.Url} (admin: {sandbox.Url}_sandbox/accounts). Ctrl+C stops it.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
