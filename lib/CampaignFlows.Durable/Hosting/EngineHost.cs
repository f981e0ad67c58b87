using System.Diagnostics.Metrics;
using CampaignFlows.Durable.Client;
using CampaignFlows.Durable.Diagnostics;
using CampaignFlows.Durable.Dispatch;
using CampaignFlows.Durable.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Durable.Hosting;

/// <summary>The engine's shared parts on one host: validated options, the store, the clock, the wake-up signals, the client.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly Lazy<StoreDurableTaskClient> _client;

    public EngineHost(IOptions<DurableEngineOptions> options, IEnumerable<IDurableStoreProvider> providers, TimeProvider time,
        ILoggerFactory loggerFactory, IServiceProvider services)
    {
        _services = services;
        Options = options.Validated();
        Owner = $"{Options.HostId}/{Environment.ProcessId}-{Guid.NewGuid():N}";
        Time = time;
        LoggerFactory = loggerFactory;
        Telemetry = new EngineTelemetry(services.GetService<IMeterFactory>());
        var type = Options.StorageProvider.Type;
        var provider = providers.LastOrDefault(p => string.Equals(p.Type, type, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"Invalid durable engine options: StorageProvider.Type '{type}' is unknown; registered stores: {string.Join(", ", providers.Select(p => p.Type))}.");
        Store = provider.Create(new DurableStoreSettings(Options.StorageProvider.ConnectionString, Options.HubName, Options.MaxInlinePayloadBytes), services);
        _client = new Lazy<StoreDurableTaskClient>(() => new StoreDurableTaskClient(this, _services.GetRequiredService<DurableTaskRegistry>()));
    }

    public DurableEngineOptions Options { get; }
    public IDurableStore Store { get; }
    public TimeProvider Time { get; }
    public ILoggerFactory LoggerFactory { get; }
    public EngineTelemetry Telemetry { get; }

    /// <summary>Identifies this process on leases: the stable host id, then '/', then what tells this process from the
    /// identity's earlier and later ones.</summary>
    public string Owner { get; }

    /// <summary>Rung when this process makes orchestration work (a start, an event, an activity result).</summary>
    public WorkSignal OrchestrationWork { get; } = new();

    /// <summary>Rung when a checkpoint enqueued activities.</summary>
    public WorkSignal ActivityWork { get; } = new();

    /// <summary>Rung after every checkpoint, for waiters on instance completion.</summary>
    public WorkSignal Progress { get; } = new();

    public StoreDurableTaskClient Client => _client.Value;

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
