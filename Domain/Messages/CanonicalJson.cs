using System.Text;
using System.Text.Json;

namespace CampaignFlows.Domain;

/// <summary>One spelling per JSON value, so equal data gives equal keys.</summary>
/// <remarks>
/// Object members are sorted by name (ordinal), whitespace is dropped and strings are re-encoded with one
/// escaping. Numbers keep their written form, because a template prints <c>1.0</c> and <c>1</c> differently.
/// </remarks>
internal static class CanonicalJson
{
    public static string Write(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, element);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                writer.WriteRawValue(element.GetRawText());
                break;
        }
    }
}
