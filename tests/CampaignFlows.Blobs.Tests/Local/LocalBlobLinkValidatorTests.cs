using System.Text;
using CampaignFlows.Blobs.Tests.Fixtures;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CampaignFlows.Blobs.Tests.Local;

/// <summary>The expected signature was computed with <c>openssl dgst -sha256 -mac HMAC</c> over the documented fields.</summary>
public sealed class LocalBlobLinkValidatorTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("local-link-signing-key-for-unit-tests!!");
    private static readonly DateTimeOffset Expiry = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private const string HandComputedSignature = "wepziPTXjP+I0NfvMEi/NSST31ut+U3HlWfvGG6Hx1Q=";

    [Fact]
    public void Validate_HandComputedSignatureBeforeExpiry_IsValid()
    {
        var validator = new LocalBlobLinkValidator(Key, new FixedClock(Expiry.AddSeconds(-1)));

        var check = validator.Validate("attachments", "2026/INV 1.pdf", Query(HandComputedSignature));

        Assert.True(check.IsValid, check.Failure);
        Assert.Null(check.ContentDisposition);
    }

    [Fact]
    public void Validate_AtExpiry_IsRefusedAsExpired()
    {
        var validator = new LocalBlobLinkValidator(Key, new FixedClock(Expiry));

        var check = validator.Validate("attachments", "2026/INV 1.pdf", Query(HandComputedSignature));

        Assert.False(check.IsValid);
        Assert.Contains("expired", check.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("attachments", "2026/INV 2.pdf")]
    [InlineData("other", "2026/INV 1.pdf")]
    public void Validate_OtherBlob_IsRefusedBySignature(string container, string blobName)
    {
        var validator = new LocalBlobLinkValidator(Key, new FixedClock(Expiry.AddDays(-1)));

        var check = validator.Validate(container, blobName, Query(HandComputedSignature));

        Assert.Equal("the signature does not match", check.Failure);
    }

    [Theory]
    [InlineData("sp", "rw", "the signature does not match")]
    [InlineData("se", "2030-01-01T00:00:00Z", "the signature does not match")]
    [InlineData("rscd", "inline", "the signature does not match")]
    [InlineData("se", "tomorrow", "the expiry is missing or malformed")]
    [InlineData("sig", "", "the signature is missing or not base64")]
    [InlineData("sig", "%%%", "the signature is missing or not base64")]
    [InlineData("sv", "2021-08-06", "unsupported link version '2021-08-06'")]
    public void Validate_ChangedParameter_IsRefusedSayingWhy(string name, string value, string expected)
    {
        var validator = new LocalBlobLinkValidator(Key, new FixedClock(Expiry.AddDays(-1)));
        var query = Query(HandComputedSignature);
        query[name] = value;

        var check = validator.Validate("attachments", "2026/INV 1.pdf", query);

        Assert.False(check.IsValid);
        Assert.Equal(expected, check.Failure);
    }

    [Fact]
    public void Validate_RepeatedParameter_IsRefused()
    {
        var validator = new LocalBlobLinkValidator(Key, new FixedClock(Expiry.AddDays(-1)));
        var query = Query(HandComputedSignature);
        query["sp"] = new StringValues(["r", "w"]);

        Assert.Equal("query parameter 'sp' appears more than once", validator.Validate("attachments", "2026/INV 1.pdf", query).Failure);
    }

    [Fact]
    public void CreateReadLink_ThenValidate_ReturnsTheOverrides()
    {
        var root = Directory.CreateTempSubdirectory("links-").FullName;
        var clock = new FixedClock(Expiry.AddDays(-7));
        var store = new LocalFolderBlobStore(
            new LocalFolderBlobStoreOptions { RootPath = root, LinkBaseUri = new Uri("http://localhost:7071/blobs/"), SigningKey = Key }, clock);

        var link = store.CreateReadLink("attachments", "2026/INV 1.pdf", new BlobLinkOptions { ContentDisposition = "attachment", ContentType = "application/pdf" });
        var check = store.Validator.Validate("attachments", "2026/INV 1.pdf", QueryHelpers.ParseQuery(link.Query));

        Assert.StartsWith("http://localhost:7071/blobs/attachments/2026/INV%201.pdf?sv=local1&se=2026-11-28T10%3A00%3A00Z&sp=r&rscd=attachment&rsct=application%2Fpdf&sig=", link.AbsoluteUri);
        Assert.True(check.IsValid, check.Failure);
        Assert.Equal("attachment", check.ContentDisposition);
        Assert.Equal("application/pdf", check.ContentType);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Constructor_ShortKey_Throws() =>
        Assert.Throws<ArgumentException>(() => new LocalBlobLinkValidator(new byte[16]));

    private static Dictionary<string, StringValues> Query(string signature) => new()
    {
        ["sv"] = "local1",
        ["se"] = "2026-11-28T10:00:00Z",
        ["sp"] = "r",
        ["sig"] = signature,
    };
}
