namespace CampaignFlows.Aws.Tests;

public class AwsAccountOptionsTests
{
    [Fact]
    public void Validate_Defaults_Passes() => new AwsAccountOptions().Validate();

    [Theory]
    [InlineData("", "us-east-1", null, null, null, 30, "Name must not be empty")]
    [InlineData("main", "US East", null, null, null, 30, "Region 'US East' of account 'main'")]
    [InlineData("main", "us-east-1", "ftp://x/", null, null, 30, "ServiceUrl 'ftp://x/' of account 'main'")]
    [InlineData("main", "us-east-1", null, "AKID", null, 30, "sets only one of AccessKeyId and SecretAccessKey")]
    [InlineData("main", "us-east-1", null, null, "secret", 30, "sets only one of AccessKeyId and SecretAccessKey")]
    [InlineData("main", "us-east-1", null, "AKID", "secret", 0, "Timeout of account 'main' must be positive")]
    public void Validate_BadSetting_ThrowsNamingIt(string name, string region, string? url, string? key, string? secret, int timeoutSeconds, string expected)
    {
        var options = new AwsAccountOptions
        {
            Name = name,
            Region = region,
            ServiceUrl = url is null ? null : new Uri(url),
            AccessKeyId = key,
            SecretAccessKey = secret,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Validate_TokenWithoutKeys_ThrowsNamingSessionToken()
    {
        var error = Assert.Throws<ArgumentException>(new AwsAccountOptions { SessionToken = "t" }.Validate);

        Assert.Contains("SessionToken without AccessKeyId", error.Message);
    }
}
