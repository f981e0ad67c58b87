namespace CampaignFlows.Domain;

/// <summary>The syntax checks behind <see cref="EmailAddress"/>; each returns why an address is refused, or null.</summary>
internal static class AddressRules
{
    public const int MaxLocalPartLength = 64;
    public const int MaxAddressLength = 254;
    public const int MaxDomainLength = 253;
    public const int MaxLabelLength = 63;

    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    public static string? ShapeError(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return "is empty.";
        }

        if (input.Any(c => c is '\r' or '\n' or '\u2028' or '\u2029'))
        {
            return "contains a line break (CR or LF).";
        }

        if (input.Any(char.IsControl))
        {
            return "contains a control character.";
        }

        var trimmed = input.Trim(' ');
        return trimmed switch
        {
            _ when trimmed.IndexOfAny(['<', '>']) >= 0 => "contains a display name or angle brackets; give the bare address only.",
            _ when trimmed.IndexOfAny([',', ';']) >= 0 => "contains more than one address; give one address per recipient.",
            _ when trimmed.Contains('"') => "contains quotes; quoted names and local parts are not accepted.",
            _ when trimmed.IndexOfAny(['(', ')']) >= 0 => "contains a comment in parentheses.",
            _ when trimmed.Any(char.IsWhiteSpace) => "contains a space.",
            _ when !trimmed.Contains('@') => "has no @.",
            _ when trimmed.IndexOf('@') != trimmed.LastIndexOf('@') => "has more than one @.",
            _ => null,
        };
    }

    public static string? LocalPartError(string local) => local switch
    {
        "" => "has nothing before the @.",
        _ when local.Length > MaxLocalPartLength => $"has a local part longer than {MaxLocalPartLength} characters.",
        _ when local.Any(c => c > 0x7F) => "has non-ASCII characters before the @, which SES cannot send to.",
        _ when local.Any(c => !IsAtext(c) && c != '.') => "has a character before the @ that addresses may not contain.",
        _ when local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal) =>
            "has a misplaced dot before the @ (leading, trailing or doubled).",
        _ => null,
    };

    public static string? DomainError(string domain)
    {
        if (domain.Length > MaxDomainLength)
        {
            return $"has a domain longer than {MaxDomainLength} characters.";
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0))
        {
            return "has an incomplete domain: it needs at least two non-empty labels, like example.com.";
        }

        if (labels.Any(l => l.Length > MaxLabelLength))
        {
            return $"has a domain label longer than {MaxLabelLength} characters.";
        }

        if (labels.Any(l => l.StartsWith('-') || l.EndsWith('-') || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return "has an invalid domain: labels are letters, digits and inner hyphens.";
        }

        return labels[^1].All(char.IsAsciiDigit) ? "has a numeric top-level domain." : null;
    }

    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || AtextSymbols.Contains(c);
}
