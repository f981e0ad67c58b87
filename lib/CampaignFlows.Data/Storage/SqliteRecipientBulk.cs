using System.Data.Common;
using System.Text;
using CampaignFlows.Data.Recipients;
using Microsoft.Data.Sqlite;

namespace CampaignFlows.Data.Storage;

/// <summary>
/// SQLite's bulk paths: multi-row INSERTs of <see cref="RowsPerInsert"/> rows through one prepared command, and
/// per-row prepared UPDATEs, all inside the caller's transaction (in-process calls cost microseconds).
/// </summary>
internal sealed class SqliteRecipientBulk : IRecipientBulk
{
    // Each execution binds every parameter by name, and SQLite finds a name by scanning the statement's parameter
    // list, so binding cost grows with the square of the parameters per statement: 50 rows (452 parameters)
    // measured about four times faster per row than 250 rows, and no slower than 16.
    private const int RowsPerInsert = 50;

    public async Task<IReadOnlyList<(string Domain, string Status)>> InsertAsync(DbConnection connection, DbTransaction transaction, string campaignId, long firstSeq, IReadOnlyList<RecipientRow> rows, long now)
    {
        var inserted = new List<(string, string)>(rows.Count);
        SqliteCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerInsert)
            {
                var count = Math.Min(RowsPerInsert, rows.Count - start);
                var command = count == RowsPerInsert ? full ??= CreateInsert(connection, transaction, count) : CreateInsert(connection, transaction, count);
                command.Parameters[0].Value = campaignId;
                command.Parameters[1].Value = now;
                for (var i = 0; i < count; i++) Bind(command, i, rows[start + i], firstSeq + start + i);
                await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
                {
                    while (await reader.ReadAsync().ConfigureAwait(false)) inserted.Add((reader.GetString(0), reader.GetString(1)));
                }
                if (command != full) await command.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync().ConfigureAwait(false);
        }
        return inserted;
    }

    private static SqliteCommand CreateInsert(DbConnection connection, DbTransaction transaction, int rows)
    {
        var sql = new StringBuilder("""
            INSERT INTO recipients (campaign_id, normalized, seq, address, name, engagement, template_data, domain, status, reason, updated_at)
            VALUES
            """);
        var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.Parameters.Add("@c", SqliteType.Text);
        command.Parameters.Add("@now", SqliteType.Integer);
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "\n" : ",\n").Append($"(@c, @n{i}, @q{i}, @a{i}, @m{i}, @e{i}, @t{i}, @d{i}, @s{i}, @r{i}, @now)");
            foreach (var prefix in new[] { "@n", "@q", "@a", "@m", "@e", "@t", "@d", "@s", "@r" })
                command.Parameters.Add(new SqliteParameter(prefix + i, null));
        }
        sql.Append("\nON CONFLICT (campaign_id, normalized) DO NOTHING RETURNING domain, status");
        command.CommandText = sql.ToString();
        return command;
    }

    // Parameters are bound by position (after @c and @now, nine per row in CreateInsert's order): looking them up by
    // name searches the collection linearly, which at thousands of parameters costs more than the insert itself.
    private static void Bind(SqliteCommand command, int i, RecipientRow row, long seq)
    {
        var parameters = command.Parameters;
        var at = 2 + i * 9;
        parameters[at].Value = row.NormalizedAddress;
        parameters[at + 1].Value = seq;
        parameters[at + 2].Value = row.Address;
        parameters[at + 3].Value = (object?)row.Name ?? DBNull.Value;
        parameters[at + 4].Value = row.Engagement;
        parameters[at + 5].Value = (object?)row.TemplateData ?? DBNull.Value;
        parameters[at + 6].Value = row.Domain;
        parameters[at + 7].Value = row.RejectReason is null ? RecipientStatusNames.Queued : RecipientStatusNames.Rejected;
        parameters[at + 8].Value = (object?)row.RejectReason ?? DBNull.Value;
    }

    public async Task<IReadOnlyList<ClaimedRecipient>> ClaimAsync(DbConnection connection, DbTransaction transaction, ClaimRequest request)
    {
        var args = new { campaignId = request.CampaignId, batch = request.Batch, token = request.Token, now = request.Now, leaseUntil = request.LeaseUntil, max = request.Max };
        // Re-claims first: their rows are already counted as sending, while rows claimed from queued move counters.
        var reclaimed = await ClaimedRows.ReadAsync(connection, transaction, RecipientQueries.ReclaimSending, args).ConfigureAwait(false);
        var claimed = await ClaimedRows.ReadAsync(connection, transaction, RecipientQueries.ClaimQueued, args).ConfigureAwait(false);
        var deltas = new CountDeltas();
        foreach (var row in claimed) deltas.Move(row.Domain, RecipientStatusNames.Queued, RecipientStatusNames.Sending);
        await ApplyCountsAsync(connection, transaction, request.CampaignId, deltas).ConfigureAwait(false);
        return [.. reclaimed.Concat(claimed).OrderBy(r => r.Sequence)];
    }

    public async Task<ResultsApplied> RecordAsync(DbConnection connection, DbTransaction transaction, string campaignId, string token, IReadOnlyList<RecipientResult> results, long now)
    {
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = ResultQueries.ApplyOne;
        command.Parameters.AddWithValue("@campaignId", campaignId);
        command.Parameters.AddWithValue("@token", token);
        command.Parameters.AddWithValue("@now", now);
        var address = command.Parameters.Add("@address", SqliteType.Text);
        var status = command.Parameters.Add("@status", SqliteType.Text);
        var messageId = command.Parameters.Add("@messageId", SqliteType.Text);
        var account = command.Parameters.Add("@account", SqliteType.Text);
        var reason = command.Parameters.Add("@reason", SqliteType.Text);
        var refund = command.Parameters.Add("@refund", SqliteType.Integer);
        var deltas = new CountDeltas();
        var (changed, sent, failed) = (0, 0, 0);
        foreach (var result in results)
        {
            address.Value = result.NormalizedAddress;
            status.Value = ResultQueries.StatusOf(result.Outcome);
            messageId.Value = (object?)result.MessageId ?? DBNull.Value;
            account.Value = (object?)result.Account ?? DBNull.Value;
            reason.Value = (object?)result.Reason ?? DBNull.Value;
            refund.Value = result.Outcome == SendOutcome.Throttled ? 1 : 0;
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            if (!await reader.ReadAsync().ConfigureAwait(false)) continue;
            deltas.Move(reader.GetString(0), RecipientStatusNames.Sending, (string)status.Value);
            changed++;
            if (result.Outcome == SendOutcome.Sent) sent++;
            else if (result.Outcome == SendOutcome.Failed) failed++;
        }
        await ApplyCountsAsync(connection, transaction, campaignId, deltas).ConfigureAwait(false);
        return new ResultsApplied(changed, sent, failed);
    }

    public async Task ApplyCountsAsync(DbConnection connection, DbTransaction transaction, string campaignId, CountDeltas deltas)
    {
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = ResultQueries.AddCount;
        command.Parameters.AddWithValue("@campaignId", campaignId);
        var domain = command.Parameters.Add("@domain", SqliteType.Text);
        var status = command.Parameters.Add("@status", SqliteType.Text);
        var delta = command.Parameters.Add("@delta", SqliteType.Integer);
        foreach (var (d, s, n) in deltas.Ordered())
        {
            (domain.Value, status.Value, delta.Value) = (d, s, n);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
