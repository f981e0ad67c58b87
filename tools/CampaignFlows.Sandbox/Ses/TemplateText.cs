using System.Net;
using System.Text;
using System.Text.Json;

namespace CampaignFlows.Sandbox.Ses;

/// <summary>
/// One template part in SES's Handlebars syntax: <c>{{name}}</c> and <c>{{a.b}}</c> are substituted
/// (HTML-escaped in the HTML part), <c>{{{name}}}</c> is inserted raw.
/// </summary>
/// <remarks>
/// Block helpers (<c>{{#if}}</c>, <c>{{#each}}</c>) and comments are dropped rather than evaluated: the
/// sandbox checks data against templates and renders previews, it does not build the MIME bodies.
/// </remarks>
internal sealed class TemplateText
{
    private readonly List<(string? Literal, string[]? Path, bool Raw)> _parts = [];

    private TemplateText() { }

    public static TemplateText Parse(string? text)
    {
        var template = new TemplateText();
        if (string.IsNullOrEmpty(text)) return template;
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0) break;
            var raw = open + 2 < text.Length && text[open + 2] == '{';
            var close = text.IndexOf(raw ? "}}}" : "}}", open, StringComparison.Ordinal);
            if (close < 0) break;
            if (open > at) template._parts.Add((text[at..open], null, false));
            var expression = text[(open + (raw ? 3 : 2))..close].Trim();
            if (expression.Length > 0 && !IsControl(expression)) template._parts.Add((null, expression.Split('.'), raw));
            at = close + (raw ? 3 : 2);
        }
        if (at < text.Length) template._parts.Add((text[at..], null, false));
        return template;
    }

    /// <summary>
    /// The first variable missing from the data, or null when every variable is present; top-level names are
    /// looked up in <paramref name="data"/> first, then in <paramref name="fallback"/> (a bulk entry's
    /// replacement data over the default data, as SES merges them).
    /// </summary>
    public string? FirstMissing(JsonElement data, JsonElement fallback = default)
    {
        foreach (var (_, path, _) in _parts)
            if (path is not null && !TryResolve(data, path, out _) && !TryResolve(fallback, path, out _))
                return path[0];
        return null;
    }

    public string Render(JsonElement data, bool html)
    {
        var output = new StringBuilder();
        foreach (var (literal, path, raw) in _parts)
        {
            if (path is null)
            {
                output.Append(literal);
                continue;
            }
            if (!TryResolve(data, path, out var value))
                throw new KeyNotFoundException(string.Join('.', path));
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            output.Append(html && !raw ? WebUtility.HtmlEncode(text) : text);
        }
        return output.ToString();
    }

    private static bool IsControl(string expression) =>
        expression[0] is '#' or '/' or '!' or '>' or '^' || expression == "else" || expression.StartsWith("else ", StringComparison.Ordinal);

    private static bool TryResolve(JsonElement data, string[] path, out JsonElement value)
    {
        value = data;
        foreach (var name in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value)) return false;
        }
        return value.ValueKind != JsonValueKind.Null;
    }
}
