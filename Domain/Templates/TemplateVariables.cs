using System.Text.RegularExpressions;

namespace CampaignFlows.Domain;

/// <summary>Finds the variables a template needs from every recipient.</summary>
/// <remarks>
/// Only variables outside any block are required: inside <c>#if</c>/<c>#unless</c> they are conditional, and
/// inside <c>#each</c>/<c>#with</c> they belong to another context. A dotted path requires its first segment.
/// Comments, <c>else</c>, <c>this</c> and <c>@</c> data variables are ignored; an expression with arguments is a
/// helper call whose arguments are not checked. Partials are refused: inline templates have none registered.
/// </remarks>
internal static partial class TemplateVariables
{
    public static IReadOnlyList<string> Required(string source, string field)
    {
        var required = new List<string>();
        var depth = 0;
        foreach (Match match in Expression().Matches(source))
        {
            var body = match.Groups["body"].Value.Trim().TrimStart('~').TrimEnd('~').Trim();
            switch (body)
            {
                case "" or "else":
                case ['!', ..]:
                case ['^', ..]:
                    continue;
                case ['#', ..]:
                    depth++;
                    continue;
                case ['/', ..]:
                    depth = Math.Max(0, depth - 1);
                    continue;
                case ['>', ..]:
                    throw new DomainValidationException(field, "uses a partial ({{> ...}}); inline templates cannot include partials.");
            }

            var path = body.TrimStart('&').Trim();
            if (depth > 0 || path.Contains(' ', StringComparison.Ordinal) || path.StartsWith('@') || path.StartsWith("this", StringComparison.Ordinal) || path.StartsWith("..", StringComparison.Ordinal))
            {
                continue;
            }

            var root = path.Split('.', '/')[0].Trim('[', ']');
            if (root.Length > 0 && !required.Contains(root, StringComparer.Ordinal))
            {
                required.Add(root);
            }
        }

        return required;
    }

    [GeneratedRegex(@"\{\{\{?(?<body>[^{}]*)\}?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();
}
