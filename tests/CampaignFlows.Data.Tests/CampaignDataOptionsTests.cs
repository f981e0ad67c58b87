namespace CampaignFlows.Data.Tests;

public sealed class CampaignDataOptionsTests
{
    [Fact]
    public void Validate_UnknownProvider_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new CampaignDataOptions { Provider = "mysql" }.Validate());

        Assert.Contains("'mysql'", error.Message);
    }

    [Fact]
    public void Validate_SchemaWithQuote_Throws()
    {
        var options = new CampaignDataOptions { Provider = "postgres", ConnectionString = "Host=x", Schema = "mail\"; drop" };

        Assert.Throws<ArgumentException>(() => options.Validate());
    }

    [Fact]
    public void Validate_EmptyConnectionString_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CampaignDataOptions { ConnectionString = " " }.Validate());
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        new CampaignDataOptions().Validate();
        new CampaignDataOptions { Provider = "Postgres", ConnectionString = "Host=x" }.Validate();
    }
}
