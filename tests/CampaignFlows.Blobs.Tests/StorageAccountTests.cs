namespace CampaignFlows.Blobs.Tests;

public sealed class StorageAccountTests
{
    private const string Key = "Y2FtcGFpZ25mbG93cy11bml0LXRlc3Qta2V5LTAxMjM0NTY3ODk=";

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("usedevelopmentstorage=TRUE;")]
    public void Parse_DevelopmentStorage_UsesAzuriteDefaults(string connectionString)
    {
        var account = StorageAccount.Parse(connectionString);

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.True(account.IsDevelopmentStorage);
    }

    [Fact]
    public void Parse_FullConnectionString_BuildsEndpointFromProtocolAccountAndSuffix()
    {
        var account = StorageAccount.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=shopmail;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("shopmail", account.AccountName);
        Assert.Equal(new Uri("https://shopmail.blob.core.chinacloudapi.cn"), account.BlobEndpoint);
        Assert.False(account.IsDevelopmentStorage);
    }

    [Fact]
    public void Parse_NoProtocolOrSuffix_DefaultsToHttpsAndPublicCloud()
    {
        var account = StorageAccount.Parse($"AccountName=shopmail;AccountKey={Key}");

        Assert.Equal(new Uri("https://shopmail.blob.core.windows.net"), account.BlobEndpoint);
    }

    [Fact]
    public void Parse_ExplicitBlobEndpoint_WinsAndLosesTrailingSlash()
    {
        var account = StorageAccount.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={StorageAccount.DevelopmentAccountKey};"
            + "BlobEndpoint=http://127.0.0.1:10010/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:10011/devstoreaccount1;");

        Assert.Equal("http://127.0.0.1:10010/devstoreaccount1", account.BlobEndpoint.AbsoluteUri);
        Assert.True(account.IsDevelopmentStorage);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage must be 'true'")]
    [InlineData("UseDevelopmentStorage=true;AccountName=x", "cannot be combined")]
    [InlineData("AccountKey=" + Key, "no AccountName")]
    [InlineData("AccountName=shopmail", "no AccountKey")]
    [InlineData("AccountName=Shop_Mail;AccountKey=" + Key, "lower-case letters and digits")]
    [InlineData("AccountName=shopmail;AccountKey=not base64!", "AccountKey is not valid base64")]
    [InlineData("AccountName=shopmail;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "'http' or 'https'")]
    [InlineData("AccountName=shopmail;AccountKey=" + Key + ";BlobEndpoint=not a url", "BlobEndpoint 'not a url' is not an absolute URL")]
    [InlineData("AccountName=shopmail;AccountKey=" + Key + ";BlobEndpoint=ftp://host/x", "absolute http or https URL")]
    [InlineData("AccountName=shopmail;AccountName=other;AccountKey=" + Key, "'AccountName' appears more than once")]
    [InlineData("AccountName=shopmail;AccountKey=" + Key + ";Colour=blue", "Unknown storage connection string setting 'Colour'")]
    [InlineData("AccountName=shopmail;AccountKey=" + Key + ";SharedAccessSignature=sv=x", "SharedAccessSignature connection strings are not supported")]
    [InlineData("AccountName=shopmail;justtext", "segment 2 is not of the form Name=Value")]
    [InlineData("AccountName=;AccountKey=" + Key, "'AccountName' has an empty value")]
    public void Parse_MalformedString_ThrowsNamingTheProblem(string connectionString, string expected)
    {
        var failure = Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StrayKeyWithoutName_NeverEchoesTheKey()
    {
        var failure = Assert.Throws<FormatException>(() => StorageAccount.Parse($"AccountName=shopmail;{Key}"));

        Assert.DoesNotContain(Key.TrimEnd('='), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Always_RedactsTheKey()
    {
        var account = StorageAccount.Parse($"AccountName=shopmail;AccountKey={Key}");

        var text = account.ToString();

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
        Assert.Contains("shopmail", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Malformed_ReturnsFalseWithReason()
    {
        Assert.False(StorageAccount.TryParse("AccountName=shopmail", out var account, out var error));
        Assert.Null(account);
        Assert.Contains("AccountKey", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_SameParts_AreEqualAndDifferentKeysAreNot()
    {
        var a = StorageAccount.Parse($"AccountName=shopmail;AccountKey={Key}");
        var b = StorageAccount.Parse($"AccountName=shopmail;AccountKey={Key}");
        var c = StorageAccount.Parse($"AccountName=shopmail;AccountKey={StorageAccount.DevelopmentAccountKey}");

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
