using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Audience;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("user@example.com", "user@example.com")]
    [InlineData("  User.Name+tag@Example.COM ", "user.name+tag@example.com")]
    [InlineData("o'brien@example.co.uk", "o'brien@example.co.uk")]
    [InlineData("a!#$%&'*+-/=?^_`{|}~@example.com", "a!#$%&'*+-/=?^_`{|}~@example.com")]
    [InlineData("kunde@Bücher.de", "kunde@xn--bcher-kva.de")]
    [InlineData("kunde@xn--bcher-kva.de", "kunde@xn--bcher-kva.de")]
    [InlineData("x@mail-1.example123.io", "x@mail-1.example123.io")]
    [InlineData("success@simulator.amazonses.com", "success@simulator.amazonses.com")]
    public void Parse_ValidAddress_Normalises(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Parse(input).Value);
    }

    [Theory]
    [InlineData("a@b.com\r\nBcc: victim@x.com", "line break")]
    [InlineData("a@b.com\n", "line break")]
    [InlineData("a\u2028@b.com", "line break")]
    [InlineData("a\t@b.com", "control character")]
    [InlineData("a\u0000@b.com", "control character")]
    [InlineData("\"a@b.com\" <c@d.com>", "display name")]
    [InlineData("Alice <alice@example.com>", "display name")]
    [InlineData("<alice@example.com>", "display name")]
    [InlineData("a@b.com, c@d.com", "more than one address")]
    [InlineData("a@b.com;c@d.com", "more than one address")]
    [InlineData("\"a b\"@example.com", "quotes")]
    [InlineData("alice(comment)@example.com", "comment")]
    [InlineData("al ice@example.com", "space")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(null, "empty")]
    [InlineData("alice.example.com", "no @")]
    [InlineData("a@b@example.com", "more than one @")]
    [InlineData("@example.com", "nothing before the @")]
    [InlineData("alice@", "no domain")]
    [InlineData("alice@localhost", "at least two")]
    [InlineData("alice@example..com", "at least two")]
    [InlineData("alice@.example.com", "domain")]
    [InlineData("alice@example.com.", "at least two")]
    [InlineData("alice@[192.0.2.1]", "address literal")]
    [InlineData("alice@192.0.2.1", "numeric top-level")]
    [InlineData("alice@-example.com", "domain")]
    [InlineData("alice@exa_mple.com", "domain")]
    [InlineData("alice@exa!mple.com", "domain")]
    [InlineData(".alice@example.com", "misplaced dot")]
    [InlineData("alice.@example.com", "misplaced dot")]
    [InlineData("al..ice@example.com", "misplaced dot")]
    [InlineData("jörg@example.com", "non-ASCII")]
    [InlineData("kunde@bü_cher.de", "internationalised")]
    [InlineData("a\\b@example.com", "may not contain")]
    public void TryParse_BadAddress_RefusesWithReason(string? input, string reason)
    {
        Assert.False(EmailAddress.TryParse(input, out var address, out var error));
        Assert.Null(address);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryParse_LocalPartLengths_AcceptsUpTo64()
    {
        Assert.True(EmailAddress.TryParse(new string('a', 64) + "@example.com", out _, out _));
        Assert.False(EmailAddress.TryParse(new string('a', 65) + "@example.com", out _, out var error));
        Assert.Contains("64", error);
    }

    [Fact]
    public void TryParse_AddressLengths_AcceptsUpTo254()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 3)) + ".example.com";
        var local = new string('a', 254 - domain.Length - 1);

        Assert.True(EmailAddress.TryParse($"{local}@{domain}", out var ok, out _));
        Assert.Equal(254, ok.Value.Length);
        Assert.False(EmailAddress.TryParse($"{local}a@{domain}", out _, out var error));
        Assert.Contains("254", error);
    }

    [Fact]
    public void TryParse_LongDomainLabel_Refuses()
    {
        Assert.False(EmailAddress.TryParse($"a@{new string('d', 64)}.com", out _, out var error));
        Assert.Contains("63", error);
    }

    [Fact]
    public void Parse_CaseAndSpacingVariants_CollapseToOneAddress()
    {
        var variants = new[] { "Alice@Example.com", " alice@example.com", "ALICE@EXAMPLE.COM ", "alice@EXAMPLE.com" };

        Assert.Single(variants.Select(v => EmailAddress.Parse(v)).Distinct());
    }

    [Fact]
    public void Parse_EveryControlCharacter_Refuses()
    {
        for (var c = '\0'; c < ' '; c++)
        {
            Assert.False(EmailAddress.TryParse($"al{c}ice@example.com", out _, out _), $"accepted U+{(int)c:X4}");
        }

        Assert.False(EmailAddress.TryParse("al\u007Fice@example.com", out _, out _));
    }

    [Fact]
    public void Parse_Refused_ThrowsNamingField()
    {
        var error = Assert.Throws<DomainValidationException>(() => EmailAddress.Parse("nope", "to"));

        Assert.Equal("to", error.Errors.Single().Field);
        Assert.Contains("no @", error.Message);
    }

    [Fact]
    public void Parts_Normalised_AreExposed()
    {
        var address = EmailAddress.Parse("Bob@Bücher.DE");

        Assert.Equal(("bob", "xn--bcher-kva.de"), (address.LocalPart, address.Domain));
        Assert.Equal("bob@xn--bcher-kva.de", address.ToString());
    }
}
