using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Data.Storage;

/// <summary>One provider's connections: writes run in a transaction, reads on their own connection.</summary>
/// <remarks>
/// A write delegate may run more than once when the provider reports a transient conflict (see
/// <see cref="TransientErrors"/>), so it must only touch the database and return what it read.
/// </remarks>
internal abstract class CampaignDatabase : IAsyncDisposable
{
    protected CampaignDatabase(CampaignDataOptions options) => Options = options;

    public CampaignDataOptions Options { get; }

    /// <summary>Writes that wait longer than this for the database are logged: a lock held elsewhere stalls sending silently otherwise.</summary>
    public static readonly TimeSpan SlowWrite = TimeSpan.FromSeconds(2);

    /// <summary>Where slow and retried writes are reported.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    public abstract bool IsPostgres { get; }

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await WriteOnceAsync(work, cancellationToken).ConfigureAwait(false);
                var waited = Stopwatch.GetElapsedTime(started);
                if (waited >= SlowWrite) Logger.SlowWrite(Options.Provider, waited.TotalSeconds, attempt);
                return result;
            }
            catch (DbException error) when (attempt < TransientErrors.MaxAttempts && TransientErrors.IsTransient(error))
            {
                Logger.WriteRetried(Options.Provider, attempt, error.Message);
                await Task.Delay(TransientErrors.Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on an open connection without a transaction.</summary>
    public abstract Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Applies the embedded schema scripts up to <paramref name="upToVersion"/> (all when null) under a lock.</summary>
    public abstract Task<IReadOnlyList<int>> ApplySchemaAsync(int? upToVersion, CancellationToken cancellationToken);

    /// <summary>The provider's bulk paths for recipients.</summary>
    public abstract IRecipientBulk Bulk { get; }

    protected abstract Task<T> WriteOnceAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Builds the database named by <paramref name="options"/>.</summary>
    public static CampaignDatabase Create(CampaignDataOptions options, ILogger? logger = null)
    {
        options.Validate();
        var logs = logger ?? NullLogger.Instance;
        return options.IsPostgres ? new PostgresCampaignDatabase(options) { Logger = logs } : new SqliteCampaignDatabase(options) { Logger = logs };
    }
}
