using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Stores.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, for one host. All work goes through one writer connection
/// serialized by a gate, with prepared statements reused per SQL text; every write is one IMMEDIATE transaction.
/// </summary>
internal sealed partial class SqliteDurableStore : IDurableStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DurableStoreSettings _settings;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;
    private bool _initialized;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Waiting longer than this for the write lock is logged: another process holding the file stalls all work silently otherwise.</summary>
    private static readonly TimeSpan SlowLock = TimeSpan.FromSeconds(2);

    public SqliteDurableStore(DurableStoreSettings settings, TimeProvider time, ILogger? logger = null)
    {
        _settings = settings;
        _time = time;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
        if (builder.DataSource is ":memory:" or "") throw new ArgumentException("The SQLite store needs a file: set 'Data Source=<path>' in the connection string.");
        ConnectionString = builder.ToString();
    }

    private string ConnectionString { get; }

    public async Task InitializeAsync(CancellationToken cancellation) =>
        await RunAsync(() => 0, cancellation).ConfigureAwait(false);

    /// <summary>Runs <paramref name="work"/> on the writer connection, alone.</summary>
    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            EnsureOpen();
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction: it takes the write lock at once, so
    /// concurrent processes queue on the busy timeout instead of failing mid-transaction.</summary>
    private Task<T> InTransactionAsync<T>(Func<T> work, CancellationToken cancellation) => RunAsync(() =>
    {
        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        Exec("BEGIN IMMEDIATE");
        var waited = System.Diagnostics.Stopwatch.GetElapsedTime(waitStarted);
        if (waited >= SlowLock) _logger.SqliteLockWaited(waited.TotalSeconds);
        try
        {
            var result = work();
            Exec("COMMIT");
            return result;
        }
        catch
        {
            Exec("ROLLBACK");
            throw;
        }
    }, cancellation);

    private void EnsureOpen()
    {
        if (_connection is not null && _initialized) return;
        _connection ??= OpenConnection();
        SqliteSchema.Apply(_connection);
        _initialized = true;
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL lets readers in other processes work beside the writer; NORMAL sync keeps every commit safe from a
        // process crash (kill -9) while skipping an fsync per transaction.
        pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private int Exec(string sql, params (string, object?)[] parameters) => Command(sql, parameters).ExecuteNonQuery();

    private object? Scalar(string sql, params (string, object?)[] parameters)
    {
        var value = Command(sql, parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string, object?)[] parameters)
    {
        using var reader = Command(sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static DateTime Time(long ticks) => new(ticks, DateTimeKind.Utc);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var command in _commands.Values) command.Dispose();
            _commands.Clear();
            if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
            _initialized = false;
        }
        finally
        {
            _gate.Release();
        }
    }
}
