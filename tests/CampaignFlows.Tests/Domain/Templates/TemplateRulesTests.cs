using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Templates;

public sealed class TemplateRulesTests
{
    [Fact]
    public void Check_NoRules_Allows()
    {
        Assert.True(TemplateRules.None.Check("promo", recipientVerified: false).Allowed);
    }

    [Fact]
    public void Check_BlockedTemplate_RefusesEvenVerified()
    {
        var rules = TemplateRules.None with { Blocklist = TemplateBlocklist.Empty.Block("promo") };

        var permission = rules.Check("promo", recipientVerified: true);

        Assert.False(permission.Allowed);
        Assert.Contains("kill switch", permission.Reason);
        Assert.True(rules.Check("Promo", true).Allowed);
    }

    [Fact]
    public void Check_Unblocked_AllowsAgain()
    {
        var blocklist = TemplateBlocklist.Empty.Block("promo").Block("other").Unblock("promo");

        Assert.False(blocklist.IsBlocked("promo"));
        Assert.True(blocklist.IsBlocked("other"));
        Assert.False(TemplateBlocklist.Empty.IsBlocked("other"));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Check_VerifiedOnlyTemplate_DependsOnVerification(bool verified, bool allowed)
    {
        var rules = TemplateRules.None.RequireVerified("password-reset");

        var permission = rules.Check("password-reset", verified);

        Assert.Equal(allowed, permission.Allowed);
        Assert.True(rules.Check("receipt", recipientVerified: false).Allowed);
    }

    [Fact]
    public void Block_BlankName_Refuses()
    {
        Assert.Equal("template", Assert.Throws<DomainValidationException>(() => TemplateBlocklist.Empty.Block(" ")).Errors.Single().Field);
    }
}
