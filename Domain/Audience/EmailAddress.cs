using System.Globalization;
using System.Text.Json.Serialization;

namespace CampaignFlows.Domain;

/// <summary>A validated, normalised recipient address: one mailbox, ASCII, lower-case.</summary>
/// <remarks>
/// <para>
/// Refused: control characters anywhere (CR and LF above all, which would inject headers), display names and
/// angle brackets (<c>"a@b.com" &lt;c@d.com&gt;</c>), lists (<c>a@b.com, c@d.com</c>), quoted local parts,
/// comments, spaces, anything but exactly one <c>@</c>, a local part that is empty, longer than 64 characters,
/// non-ASCII or not a dot-atom, a domain that is missing, a literal (<c>[1.2.3.4]</c>), single-label, not made
/// of letter/digit/hyphen labels of at most 63 characters, or with a numeric top-level label, and a whole
/// address longer than 254 characters.
/// </para>
/// <para>
/// Normalised for de-duplication: surrounding spaces trimmed, an internationalised domain converted to its
/// punycode form (so <c>bücher.de</c> and <c>xn--bcher-kva.de</c> are one domain), and the whole address
/// lower-cased. The local part is lower-cased too: RFC 5321 lets it be case-sensitive, but the providers that
/// matter treat it as case-insensitive, and mailing one person twice is a worse failure than merging two
/// mailboxes that differ only in case, which practically never exist. Lengths are checked on the normalised form.
/// </para>
/// <para>JSON carries the normalised string and is validated again when read.</para>
/// </remarks>
[JsonConverter(typeof(EmailAddressJsonConverter))]
public sealed record EmailAddress
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    private EmailAddress(string localPart, string domain)
    {
        LocalPart = localPart;
        Domain = domain;
        Value = $"{localPart}@{domain}";
    }

    /// <summary>The normalised local part.</summary>
    public string LocalPart { get; }

    /// <summary>The normalised domain (punycode for internationalised names).</summary>
    public string Domain { get; }

    /// <summary>The normalised address.</summary>
    public string Value { get; }

    /// <summary>Parses and normalises an address.</summary>
    /// <param name="input">The address as given.</param>
    /// <param name="field">The field name to report in the error.</param>
    /// <exception cref="DomainValidationException">The address is refused; the message says why.</exception>
    public static EmailAddress Parse(string? input, string field = "email") =>
        TryParse(input, out var address, out var error) ? address : throw new DomainValidationException(field, error);

    /// <summary>Parses and normalises an address without throwing.</summary>
    /// <param name="input">The address as given.</param>
    /// <param name="address">The normalised address when accepted.</param>
    /// <param name="error">Why it was refused, when it was.</param>
    public static bool TryParse(string? input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmailAddress? address, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        address = null;
        error = AddressRules.ShapeError(input);
        if (error is not null)
        {
            return false;
        }

        var trimmed = input!.Trim(' ');
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var local = trimmed[..at].ToLowerInvariant();
        var domainError = DomainError(trimmed[(at + 1)..], out var domain);
        error = AddressRules.LocalPartError(local) ?? domainError;
        if (error is null && local.Length + 1 + domain.Length > AddressRules.MaxAddressLength)
        {
            error = $"is longer than {AddressRules.MaxAddressLength} characters.";
        }

        if (error is not null)
        {
            return false;
        }

        address = new EmailAddress(local, domain);
        return true;
    }

    /// <summary>The normalised address.</summary>
    public override string ToString() => Value;

    private static string? DomainError(string raw, out string domain)
    {
        domain = string.Empty;
        if (raw.Length == 0)
        {
            return "has no domain after the @.";
        }

        if (raw.StartsWith('['))
        {
            return "uses an address literal as its domain; give a domain name.";
        }

        if (raw.All(char.IsAscii))
        {
            domain = raw.ToLowerInvariant();
            return AddressRules.DomainError(domain);
        }

        try
        {
            domain = Idn.GetAscii(raw).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return "has an invalid internationalised domain that has no punycode form.";
        }

        return AddressRules.DomainError(domain);
    }
}
