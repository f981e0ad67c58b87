using System.Data;
using System.Data.Common;
using Npgsql;

namespace CampaignFlows.Data.Storage;

/// <summary>
/// The scale-out provider: pooled connections from one data source whose search path is the mail schema,
/// so every query names its tables unqualified and the engine's schema stays untouched.
/// </summary>
internal sealed partial class PostgresCampaignDatabase : CampaignDatabase
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresCampaignDatabase(CampaignDataOptions options) : base(options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema };
        _dataSource = NpgsqlDataSource.Create(builder);
        Bulk = new PostgresRecipientBulk();
    }

    public override bool IsPostgres => true;

    public override IRecipientBulk Bulk { get; }

    public override async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    protected override async Task<T> WriteOnceAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // READ COMMITTED: every conditional UPDATE re-checks its WHERE on the latest row version after a
        // lock wait, which is what keeps two claimers or two feedback handlers from both winning a row.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
