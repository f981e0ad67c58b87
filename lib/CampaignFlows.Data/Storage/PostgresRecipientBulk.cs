using System.Data.Common;
using CampaignFlows.Data.Recipients;
using Npgsql;
using NpgsqlTypes;

namespace CampaignFlows.Data.Storage;

/// <summary>
/// PostgreSQL's bulk paths: whole chunks and whole batches as typed arrays in one statement each, so a chunk of
/// 5,000 rows costs one round trip (the unnest form of "staging then INSERT ... ON CONFLICT DO NOTHING").
/// </summary>
internal sealed class PostgresRecipientBulk : IRecipientBulk
{
    public async Task<IReadOnlyList<(string Domain, string Status)>> InsertAsync(DbConnection connection, DbTransaction transaction, string campaignId, long firstSeq, IReadOnlyList<RecipientRow> rows, long now)
    {
        await using var command = new NpgsqlCommand(ResultQueries.InsertMany, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("campaignId", campaignId);
        command.Parameters.AddWithValue("firstSeq", firstSeq);
        command.Parameters.AddWithValue("now", now);
        AddText(command, "normalized", rows.Select(r => r.NormalizedAddress));
        AddText(command, "addresses", rows.Select(r => r.Address));
        AddText(command, "names", rows.Select(r => r.Name));
        command.Parameters.Add(new NpgsqlParameter("engagements", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Engagement).ToArray() });
        AddText(command, "data", rows.Select(r => r.TemplateData));
        AddText(command, "domains", rows.Select(r => r.Domain));
        AddText(command, "statuses", rows.Select(r => r.RejectReason is null ? RecipientStatusNames.Queued : RecipientStatusNames.Rejected));
        AddText(command, "reasons", rows.Select(r => r.RejectReason));
        return await ReadPairsAsync(command, rows.Count).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ClaimedRecipient>> ClaimAsync(DbConnection connection, DbTransaction transaction, ClaimRequest request)
    {
        var args = new { campaignId = request.CampaignId, batch = request.Batch, token = request.Token, now = request.Now, leaseUntil = request.LeaseUntil, max = request.Max };
        var claimed = await ClaimedRows.ReadAsync(connection, transaction, ResultQueries.ClaimMany, args).ConfigureAwait(false);
        claimed.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return claimed;
    }

    public async Task<ResultsApplied> RecordAsync(DbConnection connection, DbTransaction transaction, string campaignId, string token, IReadOnlyList<RecipientResult> results, long now)
    {
        await using var command = new NpgsqlCommand(ResultQueries.RecordMany, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("campaignId", campaignId);
        command.Parameters.AddWithValue("token", token);
        command.Parameters.AddWithValue("now", now);
        AddText(command, "addresses", results.Select(r => r.NormalizedAddress));
        AddText(command, "statuses", results.Select(r => ResultQueries.StatusOf(r.Outcome)));
        AddText(command, "messageIds", results.Select(r => r.MessageId));
        AddText(command, "accounts", results.Select(r => r.Account));
        AddText(command, "reasons", results.Select(r => r.Reason));
        command.Parameters.Add(new NpgsqlParameter("refunds", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = results.Select(r => r.Outcome == SendOutcome.Throttled ? 1 : 0).ToArray() });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        return new ResultsApplied((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    public async Task ApplyCountsAsync(DbConnection connection, DbTransaction transaction, string campaignId, CountDeltas deltas)
    {
        var ordered = deltas.Ordered();
        if (ordered.Count == 0) return;
        await using var command = new NpgsqlCommand(ResultQueries.AddCounts, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("campaignId", campaignId);
        AddText(command, "domains", ordered.Select(d => d.Domain));
        AddText(command, "statuses", ordered.Select(d => d.Status));
        command.Parameters.Add(new NpgsqlParameter("deltas", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ordered.Select(d => d.Delta).ToArray() });
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static void AddText(NpgsqlCommand command, string name, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });

    private static async Task<IReadOnlyList<(string, string)>> ReadPairsAsync(NpgsqlCommand command, int capacity)
    {
        var pairs = new List<(string, string)>(capacity);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false)) pairs.Add((reader.GetString(0), reader.GetString(1)));
        return pairs;
    }
}
