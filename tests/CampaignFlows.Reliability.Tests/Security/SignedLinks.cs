using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using CampaignFlows.Reliability.Tests.Fixtures;

namespace CampaignFlows.Reliability.Tests.Security;

/// <summary>
/// Attachment links (SAS-style: <c>?sv&amp;se&amp;sp=r&amp;sig</c>) beyond what the end-to-end tests cover (a changed
/// signature, an expired link): a link only reads, and every part the signature covers is bound to it.
/// </summary>
public sealed class SignedLinks : IAsyncLifetime
{
    private InProcessApp _app = null!;

    public async Task InitializeAsync() => _app = await InProcessApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Path, byte[] Bytes)> UploadAsync(string name, byte seed)
    {
        var bytes = Enumerable.Range(0, 4_000).Select(i => (byte)(i * seed)).ToArray();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        using var client = _app.Client();
        var response = await client.PostAsync("/api/attachments", new MultipartFormDataContent { { file, "file", name } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        return (url.PathAndQuery, bytes);
    }

    private static string WithQuery(string pathAndQuery, string name, string value)
    {
        var (path, query) = (pathAndQuery.Split('?')[0], HttpUtility.ParseQueryString(pathAndQuery.Split('?')[1]));
        Assert.NotNull(query[name]);
        query[name] = value;
        return $"{path}?{query}";
    }

    [Fact]
    public async Task LinkReadsButCannotWriteOrDelete()
    {
        var (link, bytes) = await UploadAsync("a.pdf", 3);
        using var anonymous = new HttpClient { BaseAddress = _app.Url };
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var request = new HttpRequestMessage(method, link) { Content = new ByteArrayContent([6, 6, 6]) };
            request.Headers.Add("x-ms-blob-type", "BlockBlob");
            var response = await anonymous.SendAsync(request);
            Assert.True(!response.IsSuccessStatusCode, $"{method} on a read link answered {(int)response.StatusCode}");
        }
        Assert.Equal(bytes, await anonymous.GetByteArrayAsync(link));
    }

    [Fact]
    public async Task LinkWithWidenedPermissionOrLaterExpiryIsRefused()
    {
        var (link, _) = await UploadAsync("b.pdf", 5);
        using var anonymous = new HttpClient { BaseAddress = _app.Url };
        var later = DateTimeOffset.UtcNow.AddYears(5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var tampered in new[] { WithQuery(link, "sp", "rwd"), WithQuery(link, "se", later), WithQuery(link, "sv", "2099-01-01") })
            Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task SignatureOfOneBlobDoesNotOpenAnother()
    {
        var (first, _) = await UploadAsync("c.pdf", 7);
        var (second, _) = await UploadAsync("d.pdf", 9);
        using var anonymous = new HttpClient { BaseAddress = _app.Url };
        var borrowed = second.Split('?')[0] + "?" + first.Split('?')[1];
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(borrowed)).StatusCode);

        var path = first.Split('?')[0];
        var traversal = path[..path.LastIndexOf('/')] + "/..%2F..%2F.link-key?" + first.Split('?')[1];
        var escaped = await anonymous.GetAsync(traversal);
        Assert.True(escaped.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
            $"a traversal with a valid signature answered {(int)escaped.StatusCode}");
    }
}
