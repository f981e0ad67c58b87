using CampaignFlows.Durable.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.TestHost;

/// <summary>
/// The workload of the crash tests: sequences of steps whose every execution is appended to a journal file, so the
/// test can see how far the work got before it killed the process, and how often each step ran.
/// </summary>
public static class CrashApp
{
    public const int Steps = 12;

    public static void Register(DurableTaskRegistry registry, string journal) => registry
        .AddActivity<int, int>("Step", async (ctx, n) =>
        {
            await Task.Delay(15);
            lock (typeof(CrashApp)) File.AppendAllText(journal, $"{ctx.InstanceId} {n}\n");
            return n * 10;
        })
        .AddOrchestrator<int, int>("CrashSequence", async (ctx, steps) =>
        {
            var total = 0;
            for (var i = 1; i <= steps; i++) total += await ctx.CallActivityAsync<int>("Step", i);
            var timer = ctx.CreateTimer(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            await timer;
            return total;
        });

    /// <summary>A host on the given store; by default with a short lease, so a killed host's work moves on quickly even
    /// when its successor runs under another host id.</summary>
    public static IHost Build(string storeType, string connectionString, string journal, string? hostId = null, TimeSpan? leaseDuration = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDurableEngine(o =>
        {
            o.StorageProvider.Type = storeType;
            o.StorageProvider.ConnectionString = connectionString;
            o.LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(1);
            if (hostId is not null) o.HostId = hostId;
            o.MinPollingInterval = TimeSpan.FromMilliseconds(5);
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.AddDurableTasks((_, registry) => Register(registry, journal));
        return builder.Build();
    }
}
