using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignFlows.Attachments;
using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignFlows.EndToEnd.Tests.Messages;

public sealed class AttachmentLinks
{
    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact]
    public async Task UploadedFileDownloadsThroughItsLinkAndTamperedLinksAreRefused()
    {
        await using var app = await CampaignApp.StartAsync();
        var bytes = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray();
        var response = await app.Client.PostAsync("/api/attachments", Upload(bytes, "invoice 11/2026.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(answer.GetProperty("url").GetString()!);
        var expiresAt = answer.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));

        using var anonymous = new HttpClient { BaseAddress = app.Url };
        var download = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var tampered = System.Text.RegularExpressions.Regex.Replace(url.PathAndQuery, "sig=([^&])", m => "sig=" + (m.Groups[1].Value == "A" ? "B" : "A"));
        Assert.NotEqual(url.PathAndQuery, tampered);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(tampered)).StatusCode);

        var id = answer.GetProperty("id").GetString()!;
        var links = await app.App.Services.GetRequiredService<IAttachmentLinks>().GetLinksAsync([id]);
        Assert.Equal(bytes, await anonymous.GetByteArrayAsync(Assert.Single(links).Url.PathAndQuery));
        await Assert.ThrowsAsync<UnknownAttachmentException>(() => app.App.Services.GetRequiredService<IAttachmentLinks>().GetLinksAsync(["att-00000000000000000000000000000000"]));
    }

    [Fact]
    public async Task ExpiredLinkIsRefused()
    {
        await using var app = await CampaignApp.StartAsync(settings: new Dictionary<string, string?> { ["Attachments:LinkLifetime"] = "00:00:01" });
        var response = await app.Client.PostAsync("/api/attachments", Upload([1, 2, 3], "a.txt", "text/plain"));
        var url = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        using var anonymous = new HttpClient { BaseAddress = app.Url };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await anonymous.GetAsync(url.PathAndQuery)).StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task OversizeUploadIs413AndWrongContentTypeIs415()
    {
        await using var app = await CampaignApp.StartAsync(settings: new Dictionary<string, string?> { ["Attachments:MaxBytes"] = "1000" });
        var tooBig = await app.Client.PostAsync("/api/attachments", Upload(new byte[1001], "big.bin", "application/octet-stream"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("1000 bytes", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var json = await app.Client.PostAsJsonAsync("/api/attachments", new { file = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }
}
