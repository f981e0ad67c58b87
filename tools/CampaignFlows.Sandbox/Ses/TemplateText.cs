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
    private readonly List<(string? Literal, TemplateVariable? Variable, bool Raw)> _parts = [];
    private readonly List<TemplateVariable> _variables = [];

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
            if (expression.Length > 0 && !IsControl(expression))
            {
                var variable = new TemplateVariable(expression.Split('.'));
                template._parts.Add((null, variable, raw));
                template._variables.Add(variable);
            }
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
    public string? FirstMissing(JsonElement data, JsonElement fallback = default) => FirstMissing(Variables, data, fallback);

    /// <summary>The variables in the order they appear.</summary>
    public IReadOnlyList<TemplateVariable> Variables => _variables;

    /// <summary>The top-level name of the first of <paramref name="variables"/> missing from both layers of data, or null.</summary>
    public static string? FirstMissing(IReadOnlyList<TemplateVariable> variables, JsonElement data, JsonElement fallback)
    {
        for (var i = 0; i < variables.Count; i++)
            if (!variables[i].TryResolve(data, out _) && !variables[i].TryResolve(fallback, out _))
                return variables[i].Path[0];
        return null;
    }

    public string Render(JsonElement data, bool html)
    {
        var output = new StringBuilder();
        foreach (var (literal, variable, raw) in _parts)
        {
            if (variable is null)
            {
                output.Append(literal);
                continue;
            }
            if (!variable.TryResolve(data, out var value))
                throw new KeyNotFoundException(variable.Key);
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            output.Append(html && !raw ? WebUtility.HtmlEncode(text) : text);
        }
        return output.ToString();
    }

    private static bool IsControl(string expression) =>
        expression[0] is '#' or '/' or '!' or '>' or '^' || expression == "else" || expression.StartsWith("else ", StringComparison.Ordinal);
}
