using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CampaignFlows.Data.Storage;

/// <summary>
/// The embedded provider: one database file in WAL mode, one writer connection per process guarded by a
/// semaphore, readers on pooled connections of their own, and a busy timeout for other processes' writes.
/// </summary>
internal sealed partial class SqliteCampaignDatabase : CampaignDatabase
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;

    public SqliteCampaignDatabase(CampaignDataOptions options) : base(options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new ArgumentException("CampaignData:ConnectionString has no Data Source for SQLite.", nameof(options));
        _connectionString = builder.ToString();
        Bulk = new SqliteRecipientBulk();
    }

    public override bool IsPostgres => false;

    public override IRecipientBulk Bulk { get; }

    public override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    protected override async Task<T> WriteOnceAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _writer ??= await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            // IMMEDIATE (deferred: false) takes the write lock up front, so two processes never both read
            // then fail to upgrade; the busy timeout makes the second one wait instead.
            await using var transaction = _writer.BeginTransaction(deferred: false);
            var result = await work(_writer, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        // The writer walks the recipients' key indexes on every insert; SQLite's default 2 MB page cache turns a
        // million-row campaign into constant page reloads. 64 MB holds the hot index pages.
        pragma.CommandText = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        var busyMs = ((long)Options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        // NORMAL is durable in WAL mode up to the last checkpointed commit and avoids an fsync per commit.
        pragma.CommandText = $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
        _writeGate.Dispose();
    }
}
