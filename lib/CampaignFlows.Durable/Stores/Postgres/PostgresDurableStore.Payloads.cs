using System.Text;
using Npgsql;

namespace CampaignFlows.Durable.Stores.Postgres;

internal sealed partial class PostgresDurableStore
{
    private bool IsInline(string? body) =>
        body is null || body.Length <= _settings.MaxInlinePayloadBytes / 4 || Encoding.UTF8.GetByteCount(body) <= _settings.MaxInlinePayloadBytes;

    /// <summary>Splits a body into what the hot row holds: the text itself when small, else a payloads row reference.
    /// Must run inside the transaction that writes the referencing row.</summary>
    private async Task<(string? Inline, long? Ref)> BodyAsync(NpgsqlConnection connection, string instanceId, string? body, CancellationToken cancellation)
    {
        if (IsInline(body)) return (body, null);
        var id = (long)(await ScalarAsync(connection, PostgresSql.InsertPayload, cancellation, P.Text("instance", instanceId), P.Text("body", body))
            .ConfigureAwait(false))!;
        return (null, id);
    }

    /// <summary>Bodies for many rows; only the large ones cost a round trip.</summary>
    private async Task<(string?[] Inline, long?[] Refs)> BodiesAsync(NpgsqlConnection connection, IReadOnlyList<(string InstanceId, string? Body)> bodies,
        CancellationToken cancellation)
    {
        var inline = new string?[bodies.Count];
        var refs = new long?[bodies.Count];
        for (var i = 0; i < bodies.Count; i++) (inline[i], refs[i]) = await BodyAsync(connection, bodies[i].InstanceId, bodies[i].Body, cancellation).ConfigureAwait(false);
        return (inline, refs);
    }
}

internal static partial class PostgresSql
{
    /// <summary>Bodies over the inline threshold; RETURNING gives the reference without a second round trip.</summary>
    public const string InsertPayload = "INSERT INTO {schema}.payloads (instance_id, body) VALUES (@instance, @body) RETURNING id";

    public const string DeletePayloads = "DELETE FROM {schema}.payloads WHERE id = ANY(@ids)";

    /// <summary>Reads a body that may live in payloads; the sub-query only runs for rows that hold a reference.</summary>
    public static string Body(string inline, string reference) =>
        $"CASE WHEN {reference} IS NULL THEN {inline} ELSE (SELECT p.body FROM {{schema}}.payloads p WHERE p.id = {reference}) END";
}
