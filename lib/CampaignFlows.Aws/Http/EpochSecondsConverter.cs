using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignFlows.Aws.Http;

/// <summary>Timestamps in AWS JSON bodies: seconds since the Unix epoch, possibly fractional; ISO 8601 strings are
/// accepted on read because some services send them.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond));
        if (reader.TokenType == JsonTokenType.String && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;
        throw new JsonException($"Expected a timestamp (epoch seconds or ISO 8601), found {reader.TokenType}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round((value - DateTimeOffset.UnixEpoch).TotalSeconds, 3));
}
