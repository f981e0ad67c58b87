using System.Text.Json;

namespace CampaignFlows.Functions.Hosting;

/// <summary>Reads a JSON settings file, checking each key's shape and naming the file and key in every complaint.</summary>
internal sealed class ConfigFile(string fileName)
{
    /// <summary>Keys present in the file that this host does not read.</summary>
    public List<string> UnknownKeys { get; } = [];

    /// <summary>Parses the file (comments and trailing commas allowed, as the Functions host allows them).</summary>
    /// <exception cref="FunctionStartupException">The file is not valid JSON or its root is not an object.</exception>
    public JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Wrong("(root)", "an object", document.RootElement);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FunctionStartupException($"{fileName}: not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {e.BytePositionInLine ?? 0}).", e);
        }
    }

    /// <summary>Records every property of <paramref name="element"/> not in <paramref name="known"/> as unknown.</summary>
    public void NoteUnknown(JsonElement element, string path, params string[] known)
    {
        foreach (var property in element.EnumerateObject())
            if (!known.Contains(property.Name, StringComparer.OrdinalIgnoreCase)) UnknownKeys.Add(Join(path, property.Name));
    }

    /// <summary>The named property if present; null otherwise.</summary>
    public static JsonElement? Property(JsonElement parent, string name)
    {
        foreach (var property in parent.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }

    /// <summary>The property as an object, or null when absent.</summary>
    public JsonElement? Object(JsonElement parent, string path, string name) =>
        Property(parent, name) is { } value ? value.ValueKind == JsonValueKind.Object ? value : throw Wrong(Join(path, name), "an object", value) : null;

    /// <summary>The property as a string, or null when absent.</summary>
    public string? String(JsonElement parent, string path, string name) =>
        Property(parent, name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(Join(path, name), "a string", value) : null;

    /// <summary>The property as a boolean, or null when absent.</summary>
    public bool? Boolean(JsonElement parent, string path, string name) =>
        Property(parent, name) is { } value ? value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Wrong(Join(path, name), "true or false", value) : null;

    /// <summary>The property as an integer within bounds, or null when absent.</summary>
    public long? Integer(JsonElement parent, string path, string name, long min, long max) =>
        Property(parent, name) is { } value
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= min && n <= max ? n : throw Wrong(Join(path, name), $"an integer from {min} to {max}", value)
            : null;

    /// <summary>A start-up error naming the file and key.</summary>
    public FunctionStartupException Wrong(string key, string expected, JsonElement actual) =>
        new($"{fileName}: '{key}' must be {expected}, not {Describe(actual)}.");

    /// <summary>A start-up error naming the file and key, with a free-form reason.</summary>
    public FunctionStartupException Wrong(string key, string reason) => new($"{fileName}: '{key}' {reason}");

    /// <summary>A dotted path.</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.GetRawText().Length > 40 ? value.GetRawText()[..40] + "…" : value.GetRawText(),
    };
}
