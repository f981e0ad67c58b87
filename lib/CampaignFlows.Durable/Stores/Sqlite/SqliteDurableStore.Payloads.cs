using System.Text;

namespace CampaignFlows.Durable.Stores.Sqlite;

internal sealed partial class SqliteDurableStore
{
    /// <summary>Splits a body into what the hot row holds: the text itself when small, else a payloads row reference.</summary>
    private (string? Inline, long? Ref) Body(string instanceId, string? body)
    {
        if (body is null || body.Length <= _settings.MaxInlinePayloadBytes / 4 || Encoding.UTF8.GetByteCount(body) <= _settings.MaxInlinePayloadBytes)
            return (body, null);
        var id = (long)Scalar(SqliteSql.InsertPayload, ("$instance", instanceId), ("$body", body))!;
        return (null, id);
    }

    private string? ReadBody(string? inline, long? reference) =>
        reference is { } id ? (string?)Scalar(SqliteSql.SelectPayload, ("$id", id)) : inline;

    private void DeletePayload(long? reference)
    {
        if (reference is { } id) Exec(SqliteSql.DeletePayload, ("$id", id));
    }
}

internal static partial class SqliteSql
{
    /// <summary>Bodies over the inline threshold; RETURNING gives the reference without a second round trip.</summary>
    public const string InsertPayload = "INSERT INTO payloads (instance_id, body) VALUES ($instance, $body) RETURNING id";

    public const string SelectPayload = "SELECT body FROM payloads WHERE id = $id";

    public const string DeletePayload = "DELETE FROM payloads WHERE id = $id";
}
