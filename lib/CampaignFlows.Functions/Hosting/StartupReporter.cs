using CampaignFlows.Functions.Discovery;
using CampaignFlows.Functions.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions.Hosting;

/// <summary>Says at start what the host serves and what in its configuration it ignored; shows newly generated keys once.</summary>
internal sealed class StartupReporter(FunctionCatalog catalog, StartupWarnings warnings, LoadedKeys keys, ILogger<StartupReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in warnings.Messages) Logs.ConfigurationWarning(logger, warning);
        Logs.FunctionsLoaded(logger, catalog.Functions.Count, string.Join(", ", catalog.Functions.Select(f => f.Name)));
        if (keys.Generated)
        {
            Logs.KeysGenerated(logger, HostKeysLoader.KeyFile);
            // Keys go to the console only, never to a log sink; like `func start`, the developer needs them once to call the host.
            Console.WriteLine($"Generated keys (stored in {HostKeysLoader.KeyFile}):");
            Console.WriteLine($"  master (admin):   {keys.Keys.MasterKey}");
            foreach (var (name, key) in keys.Keys.FunctionKeys) Console.WriteLine($"  function '{name}': {key}");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
