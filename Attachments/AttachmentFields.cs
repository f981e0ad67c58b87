using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CampaignFlows.Campaigns;

namespace CampaignFlows.Attachments;

/// <summary>How a campaign's attachment links reach its mails: as template variables, and as a list added to a body that names none.</summary>
/// <remarks>
/// <para>The variables, numbered from 1 in the order the ids were given: <c>attachment_N_url</c>, <c>attachment_N_name</c>, and
/// <c>attachments</c> (every file as "name: url", one a line).</para>
/// <para>Links are made once, when the campaign loads, and are the same for every recipient. An inline template gets them
/// written into its content before it is stored as an SES template, so they cost nothing per recipient; each inline body
/// part (HTML, text) that names none of the variables gets the list appended, so no mail goes out without its links. A
/// stored SES template cannot be rewritten, so there the variables join every recipient's template data.</para>
/// </remarks>
public static partial class AttachmentFields
{
    /// <summary>The most attachments one campaign may carry.</summary>
    public const int MaxAttachments = 10;

    /// <summary>The template variables for <paramref name="links"/>.</summary>
    public static IReadOnlyDictionary<string, string> Variables(IReadOnlyList<AttachmentLink> links)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["attachments"] = TextList(links) };
        for (var i = 0; i < links.Count; i++)
        {
            variables[$"attachment_{i + 1}_url"] = links[i].Url.AbsoluteUri;
            variables[$"attachment_{i + 1}_name"] = links[i].FileName;
        }
        return variables;
    }

    /// <summary>Whether a campaign with <paramref name="count"/> attachments supplies <paramref name="variable"/> itself.</summary>
    public static bool Provides(string variable, int count)
    {
        var match = Variable().Match(variable);
        if (count < 1 || !match.Success) return false;
        var index = match.Groups["index"];
        return !index.Success || int.Parse(index.Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and var n && n <= count;
    }

    /// <summary>The inline template with the links written in (see the remarks); a stored template's name is returned unchanged.</summary>
    public static CampaignTemplate Apply(CampaignTemplate template, IReadOnlyList<AttachmentLink> links)
    {
        if (links.Count == 0 || !string.IsNullOrEmpty(template.TemplateName)) return template;
        var variables = Variables(links);
        return template with
        {
            Subject = template.Subject is { } subject ? Substitute(subject, variables, htmlList: null, out _) : null,
            Html = template.Html is { } html ? WithLinks(html, variables, HtmlList(links), isHtml: true) : null,
            Text = template.Text is { } text ? WithLinks(text, variables, "\n\n" + TextList(links), isHtml: false) : null,
        };
    }

    private static string WithLinks(string part, IReadOnlyDictionary<string, string> variables, string list, bool isHtml)
    {
        var result = Substitute(part, variables, isHtml ? list : null, out var named);
        return named ? result : result + list;
    }

    /// <summary>Replaces the attachment variables with their values: escaped in HTML unless written raw, the HTML list for <c>attachments</c>.</summary>
    private static string Substitute(string part, IReadOnlyDictionary<string, string> variables, string? htmlList, out bool named)
    {
        var found = false;
        var result = Placeholder().Replace(part, match =>
        {
            var name = match.Groups["name"].Value;
            if (!variables.TryGetValue(name, out var value)) return match.Value;
            found = true;
            if (htmlList is null) return value;
            if (name == "attachments") return htmlList;
            return match.Value.StartsWith("{{{", StringComparison.Ordinal) ? value : WebUtility.HtmlEncode(value);
        });
        named = found;
        return result;
    }

    private static string TextList(IReadOnlyList<AttachmentLink> links) =>
        string.Join("\n", links.Select(l => $"{l.FileName}: {l.Url.AbsoluteUri}"));

    private static string HtmlList(IReadOnlyList<AttachmentLink> links)
    {
        var html = new StringBuilder("\n<ul class=\"attachments\">");
        foreach (var link in links)
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(link.Url.AbsoluteUri)).Append("\">").Append(WebUtility.HtmlEncode(link.FileName)).Append("</a></li>");
        return html.Append("</ul>").ToString();
    }

    [GeneratedRegex(@"^(attachments|attachment_(?<index>[0-9]{1,3})_(url|name))$", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();

    [GeneratedRegex(@"\{\{\{?\s*(?<name>attachments|attachment_[0-9]{1,3}_(url|name))\s*\}\}\}?", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
