using System.Data.Common;
using CampaignFlows.Data.Recipients;
using Dapper;

namespace CampaignFlows.Data.Storage;

/// <summary>Reads claimed recipients from a query returning (seq, address, normalized, name, template_data, domain, attempts).</summary>
internal static class ClaimedRows
{
    public static async Task<List<ClaimedRecipient>> ReadAsync(DbConnection connection, DbTransaction transaction, string sql, object args)
    {
        var rows = new List<ClaimedRecipient>(IRecipientBatches.MaxBatchSize);
        await using var reader = await connection.ExecuteReaderAsync(sql, args, transaction).ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(new ClaimedRecipient(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}
