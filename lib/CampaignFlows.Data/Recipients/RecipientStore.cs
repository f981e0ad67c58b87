using System.Data.Common;
using CampaignFlows.Data.Storage;
using Dapper;

namespace CampaignFlows.Data.Recipients;

/// <summary>The recipients of every campaign on either provider; see the interfaces it implements for the contract.</summary>
internal sealed partial class RecipientStore : IRecipientStore, IRecipientBatches, IRecipientProgress
{
    private readonly CampaignDatabase _database;

    public RecipientStore(CampaignDatabase database) => _database = database;

    private static void RequireId(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} is empty.", name);
    }

    /// <summary>Runs a statement that RETURNs the domain of each row it moved, and counts the moves.</summary>
    private static async Task<int> MoveAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, string from, string to, CountDeltas deltas)
    {
        var domains = (await connection.QueryAsync<string>(sql, parameters, transaction).ConfigureAwait(false)).AsList();
        foreach (var domain in domains) deltas.Move(domain, from, to);
        return domains.Count;
    }
}
