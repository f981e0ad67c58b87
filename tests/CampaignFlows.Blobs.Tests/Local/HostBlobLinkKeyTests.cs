namespace CampaignFlows.Blobs.Tests.Local;

public sealed class HostBlobLinkKeyTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Derive_SameSecretsOnTwoHosts_SameKey()
    {
        Assert.Equal(HostBlobLinkKey.Derive(null, "master-key"), HostBlobLinkKey.Derive(null, "master-key"));
        Assert.Equal(HostBlobLinkKey.Derive(Secret, "master-key"), HostBlobLinkKey.Derive(Secret, "other-master"));
    }

    [Fact]
    public void Derive_SigningKeySet_TakesItOverTheMasterKey()
    {
        var fromSigningKey = HostBlobLinkKey.Derive(Secret, "master-key");

        Assert.NotEqual(HostBlobLinkKey.Derive(null, "master-key"), fromSigningKey);
        Assert.NotEqual(HostBlobLinkKey.Derive(null, Secret), fromSigningKey);
        Assert.Equal(32, fromSigningKey!.Length);
    }

    [Fact]
    public void Derive_MasterKey_IsNotTheMasterKeyItself()
    {
        var key = HostBlobLinkKey.Derive(null, Secret)!;

        Assert.NotEqual(System.Text.Encoding.UTF8.GetBytes(Secret), key);
        Assert.NotEqual(HostBlobLinkKey.Derive(null, Secret + "x"), key);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    public void Derive_NoSecrets_Null(string? signingKey, string? masterKey) =>
        Assert.Null(HostBlobLinkKey.Derive(signingKey, masterKey));

    [Fact]
    public void Derive_ShortSigningKey_ThrowsNamingTheSetting()
    {
        var failure = Assert.Throws<ArgumentException>(() => HostBlobLinkKey.Derive("too short", "master-key"));

        Assert.Contains(HostBlobLinkKey.SigningKeySetting, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksSignedWithTheDerivedKey_ValidateOnAnotherHostDerivingIt()
    {
        var linkBase = new Uri("http://hosts.example/blobs");
        var link = new HostBlobLinks(HostBlobLinkKey.Derive(null, "master-key")!, linkBase).Create("attachments", "a/b.pdf");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);

        var check = new HostBlobLinks(HostBlobLinkKey.Derive(null, "master-key")!, linkBase).Validator.Validate("attachments", "a/b.pdf", query);
        var stranger = new HostBlobLinks(HostBlobLinkKey.Derive(null, "another-master")!, linkBase).Validator.Validate("attachments", "a/b.pdf", query);

        Assert.True(check.IsValid, check.Failure);
        Assert.False(stranger.IsValid);
    }
}
