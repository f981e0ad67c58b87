using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

/// <summary>
/// The scale-out store: any number of hosts share one PostgreSQL database. Instances and activities are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> under leases (owner, expiry, token); every write that ends a lease checks the token, so
/// a host that lost its lease writes nothing. Flow-control state lives in rows locked while leasing, so limits hold
/// across hosts. Transient failures are retried (see <see cref="PostgresTransientErrors"/>).
/// </summary>
internal sealed partial class PostgresDurableStore : IDurableStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _leaseSource;
    private readonly DurableStoreSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _quotedSchema;
    private readonly ConcurrentDictionary<string, string> _sql = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private volatile bool _initialized;

    public PostgresDurableStore(DurableStoreSettings settings, TimeProvider time, ILogger logger)
    {
        var (builder, schema) = PostgresStoreSettings.Parse(settings);
        _settings = settings;
        _time = time;
        _logger = logger;
        Schema = schema;
        _quotedSchema = PostgresSchema.Quote(schema);
        _dataSource = NpgsqlDataSource.Create(builder);
        // Taking, renewing and releasing a lease need not wait for the WAL flush: if the server crashes before flushing
        // one, the lease is simply gone and the work is leased again (at least once); the checkpoint or completion that
        // depends on it checks the token and commits synchronously, which flushes the lease's WAL first anyway.
        builder.Options = $"{builder.Options} -c synchronous_commit=off".Trim();
        _leaseSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The schema that holds this hub's tables.</summary>
    public string Schema { get; }

    public async Task InitializeAsync(CancellationToken cancellation)
    {
        if (_initialized) return;
        await _initializing.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_initialized) return;
            await RetryAsync("schema upgrade", () => PostgresSchema.ApplyAsync(_dataSource, Schema, _logger, cancellation), cancellation).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _initializing.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection, retrying transient failures with a fresh connection.</summary>
    private Task<T> RunAsync<T>(string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellation) =>
        RunAsync(_dataSource, operation, work, cancellation);

    /// <summary>Like <see cref="RunAsync{T}(string, Func{NpgsqlConnection, CancellationToken, Task{T}}, CancellationToken)"/>, for
    /// lease bookkeeping whose commits may be lost in a server crash without harm.</summary>
    private Task<T> RunLeaseAsync<T>(string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellation) =>
        RunAsync(_leaseSource, operation, work, cancellation);

    private async Task<T> RunAsync<T>(NpgsqlDataSource source, string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> work,
        CancellationToken cancellation)
    {
        if (!_initialized) await InitializeAsync(cancellation).ConfigureAwait(false);
        return await RetryAsync(operation, async () =>
        {
            await using var connection = await source.OpenConnectionAsync(cancellation).ConfigureAwait(false);
            return await work(connection, cancellation).ConfigureAwait(false);
        }, cancellation).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (READ COMMITTED; row locks do the ordering).</summary>
    private Task<T> InTransactionAsync<T>(string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellation) =>
        RunAsync(operation, async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var result = await work(connection, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }, cancellation);

    private async Task RetryAsync(string operation, Func<Task> work, CancellationToken cancellation) =>
        await RetryAsync(operation, async () => { await work().ConfigureAwait(false); return 0; }, cancellation).ConfigureAwait(false);

    private async Task<T> RetryAsync<T>(string operation, Func<Task<T>> work, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work().ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < PostgresTransientErrors.MaxAttempts && !cancellation.IsCancellationRequested
                                       && PostgresTransientErrors.Classify(ex) is { } reason)
            {
                var delay = PostgresTransientErrors.Delay(attempt);
                _logger.PostgresTransientError(operation, reason, attempt, PostgresTransientErrors.MaxAttempts, (int)delay.TotalMilliseconds, ex);
                await Task.Delay(delay, cancellation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The statement with the hub's schema filled in; cached so prepared-statement lookups see one string.</summary>
    private string Sql(string template) => _sql.GetOrAdd(template, t => t.Replace("{schema}", _quotedSchema, StringComparison.Ordinal));

    private NpgsqlCommand Command(NpgsqlConnection connection, string template, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(Sql(template), connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private void Add(NpgsqlBatch batch, string template, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(Sql(template));
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    private async Task<int> ExecAsync(NpgsqlConnection connection, string template, CancellationToken cancellation, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, template, parameters);
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    private async Task<object?> ScalarAsync(NpgsqlConnection connection, string template, CancellationToken cancellation, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, template, parameters);
        var value = await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string template, Func<NpgsqlDataReader, T> read, CancellationToken cancellation,
        params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, template, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false)) rows.Add(read(reader));
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await _leaseSource.DisposeAsync().ConfigureAwait(false);
        _initializing.Dispose();
    }
}
