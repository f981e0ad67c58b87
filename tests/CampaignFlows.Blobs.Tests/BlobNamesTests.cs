namespace CampaignFlows.Blobs.Tests;

public sealed class BlobNamesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("attachments-2026")]
    [InlineData("a1b")]
    public void ValidateContainer_ValidName_Passes(string name) => BlobNames.ValidateContainer(name);

    [Theory]
    [InlineData("ab", "3 to 63")]
    [InlineData("Attachments", "lower-case")]
    [InlineData("with_underscore", "lower-case")]
    [InlineData("-leading", "start and end")]
    [InlineData("double--hyphen", "consecutive")]
    public void ValidateContainer_InvalidName_ThrowsSayingWhy(string name, string expected)
    {
        var failure = Assert.Throws<ArgumentException>(() => BlobNames.ValidateContainer(name));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("folder/sub folder/file name.pdf")]
    [InlineData("résumé (1).pdf")]
    public void ValidateBlob_ValidName_Passes(string name) => BlobNames.ValidateBlob(name);

    [Theory]
    [InlineData("", "1 to 1024")]
    [InlineData("ends-with-dot.", "end with '.'")]
    [InlineData("folder/", "end with '.' or '/'")]
    [InlineData("/rooted", "start with '/'")]
    [InlineData("a/../b", "'..'")]
    [InlineData("a//b", "empty")]
    [InlineData("line\nbreak", "control character (U+000A) at position 5")]
    public void ValidateBlob_InvalidName_ThrowsSayingWhy(string name, string expected)
    {
        var failure = Assert.Throws<ArgumentException>(() => BlobNames.ValidateBlob(name));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateBlob_TooLong_Throws() =>
        Assert.Throws<ArgumentException>(() => BlobNames.ValidateBlob(new string('a', BlobNames.MaxBlobNameLength + 1)));
}
