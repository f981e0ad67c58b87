using System.Net;
using System.Net.Http.Headers;
using CampaignFlows.Blobs.Tests.Fixtures;

namespace CampaignFlows.Blobs.Tests.Shared;

public abstract partial class BlobStoreBehaviour
{
    private const string Attachment = "invoices/2026/INV-1001.pdf";

    [Fact]
    public async Task ReadLinkDownloadsWithoutCredentials()
    {
        var content = await UploadAttachmentAsync();

        var link = Store.CreateReadLink(Container, Attachment, new BlobLinkOptions
        {
            ContentDisposition = "attachment; filename=\"INV-1001.pdf\"",
            ContentType = "application/x-invoice",
        });
        using var response = await Anonymous.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestContent.Hash(content), TestContent.Hash(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("application/x-invoice", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"INV-1001.pdf\"", string.Join(",", response.Content.Headers.GetValues("Content-Disposition")));
    }

    [Fact]
    public async Task ReadLinkServesByteRanges()
    {
        var content = await UploadAttachmentAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Store.CreateReadLink(Container, Attachment));
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(content[1000..2000], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DefaultReadLinkLastsSevenDays()
    {
        await UploadAttachmentAsync();

        var link = Store.CreateReadLink(Container, Attachment);
        using var response = await Anonymous.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.ToString());
        var expiry = DateTimeOffset.Parse(TestContent.QueryValue(link, "se"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiry - DateTimeOffset.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task ExpiredReadLinkIsRefused()
    {
        await UploadAttachmentAsync();

        var link = StoreAt(TimeSpan.FromHours(-1)).CreateReadLink(Container, Attachment, new BlobLinkOptions { Lifetime = TimeSpan.FromMinutes(1) });
        using var response = await Anonymous.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TamperedReadLinksAreRefused()
    {
        await UploadAttachmentAsync();
        await Store.UploadAsync(Container, "invoices/2026/INV-1002.pdf", TestContent.Text("someone else's"), "application/pdf");
        var link = Store.CreateReadLink(Container, Attachment);
        var signature = TestContent.QueryValue(link, "sig");
        var forgedSignature = (signature[0] == 'A' ? "B" : "A") + signature[1..];

        Uri[] forgeries =
        [
            TestContent.WithQuery(link, "sig", forgedSignature),
            TestContent.WithQuery(link, "sp", "rw"),
            TestContent.WithQuery(link, "se", DateTimeOffset.UtcNow.AddYears(5).ToString("yyyy-MM-ddTHH:mm:ssZ")),
            new Uri(link.AbsoluteUri.Replace("INV-1001.pdf", "INV-1002.pdf", StringComparison.Ordinal)),
        ];

        foreach (var forgery in forgeries)
        {
            using var response = await Anonymous.GetAsync(forgery);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{forgery} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task ReadLinkCannotWrite()
    {
        var content = await UploadAttachmentAsync();
        var link = Store.CreateReadLink(Container, Attachment);

        using var put = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent("overwritten"u8.ToArray()) };
        put.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await Anonymous.SendAsync(put);
        using var delete = await Anonymous.DeleteAsync(link);

        Assert.False(response.IsSuccessStatusCode, $"PUT through a read link answered {response.StatusCode}");
        Assert.False(delete.IsSuccessStatusCode, $"DELETE through a read link answered {delete.StatusCode}");
        await using var download = await Store.DownloadAsync(Container, Attachment);
        Assert.Equal(TestContent.Hash(content), TestContent.Hash(await TestContent.ReadAllAsync(download!)));
    }

    private async Task<byte[]> UploadAttachmentAsync()
    {
        var content = TestContent.Random(300_000, seed: 1001);
        await Store.CreateContainerAsync(Container);
        await Store.UploadAsync(Container, Attachment, new MemoryStream(content), "application/pdf");
        return content;
    }
}
