using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignFlows.Domain;

/// <summary>Writes an address as its normalised string and validates it again when read.</summary>
internal sealed class EmailAddressJsonConverter : JsonConverter<EmailAddress>
{
    public override EmailAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EmailAddress.TryParse(reader.GetString(), out var address, out var error)
            ? address
            : throw new JsonException($"The e-mail address {error}");

    public override void Write(Utf8JsonWriter writer, EmailAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
