using Npgsql;
using NpgsqlTypes;

namespace CampaignFlows.Durable.Stores.Postgres;

/// <summary>Typed parameters: a null still carries its type, so a statement prepares once whatever values it gets.</summary>
internal static class P
{
    public static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Long(string name, long? value) => new(name, NpgsqlDbType.Bigint) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Int(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };

    public static NpgsqlParameter Bool(string name, bool value) => new(name, NpgsqlDbType.Boolean) { Value = value };

    public static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    public static NpgsqlParameter Longs(string name, IEnumerable<long> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() };

    public static NpgsqlParameter NullableLongs(string name, IEnumerable<long?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() };

    public static NpgsqlParameter Ints(string name, IEnumerable<int> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() };
}
