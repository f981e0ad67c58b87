using CampaignFlows.Data.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Data;

/// <summary>Applies the campaign data schema when the host starts, before anything reads or writes mail data.</summary>
/// <remarks>Safe on every host at once: the scripts run under a database lock and each version is applied once.</remarks>
public sealed class CampaignDataInitializer : IHostedService
{
    private readonly CampaignDatabase _database;
    private readonly ILogger<CampaignDataInitializer> _logger;

    internal CampaignDataInitializer(CampaignDatabase database, ILogger<CampaignDataInitializer> logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>Applies every pending schema version; returns the versions this call applied (empty when up to date).</summary>
    public Task<IReadOnlyList<int>> InitializeAsync(CancellationToken cancellationToken = default) => InitializeAsync(null, cancellationToken);

    internal async Task<IReadOnlyList<int>> InitializeAsync(int? upToVersion, CancellationToken cancellationToken)
    {
        var applied = await _database.ApplySchemaAsync(upToVersion, cancellationToken).ConfigureAwait(false);
        var provider = _database.Options.Provider;
        if (applied.Count > 0) _logger.SchemaApplied(provider, string.Join(", ", applied));
        else _logger.SchemaUpToDate(provider);
        return applied;
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
