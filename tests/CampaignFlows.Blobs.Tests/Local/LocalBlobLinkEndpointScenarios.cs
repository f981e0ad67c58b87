using System.Net;
using CampaignFlows.Blobs.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Blobs.Tests.Local;

/// <summary>How the host answers local links beyond the shared store behaviours.</summary>
public sealed class LocalBlobLinkEndpointScenarios(LocalLinkHostFixture host) : IClassFixture<LocalLinkHostFixture>
{
    private readonly LocalFolderBlobStore store = host.CreateStore();
    private readonly string container = TestContent.NewContainerName();

    [Fact]
    public async Task HeadAnswersHeadersWithoutBody()
    {
        await store.CreateContainerAsync(container);
        var written = await store.UploadAsync(container, "a.pdf", new MemoryStream(TestContent.Random(5000, seed: 2)), "application/pdf");

        using var response = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, store.CreateReadLink(container, "a.pdf")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(written.ETag, response.Headers.ETag?.Tag);
        Assert.Equal(5000, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ValidLinkToDeletedBlobAnswersNotFound()
    {
        await store.CreateContainerAsync(container);
        await store.UploadAsync(container, "a.pdf", TestContent.Text("x"), "application/pdf");
        var link = store.CreateReadLink(container, "a.pdf");
        await store.DeleteAsync(container, "a.pdf");

        using var response = await host.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LinkWithoutSignatureAnswersForbiddenWithTheReason()
    {
        using var response = await host.Http.GetAsync(new Uri($"{host.LinkBase}/{container}/a.pdf?sv=local1&sp=r&se=2030-01-01T00:00:00Z"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("signature is missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidContainerNameAnswersBadRequest()
    {
        using var response = await host.Http.GetAsync(new Uri($"{host.LinkBase}/Bad_Container/a.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task HostWithoutLocalStoreAnswersNotFound()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapLocalBlobLinks("/blobs");
        await app.StartAsync();

        using var response = await host.Http.GetAsync(new Uri($"{app.Urls.First()}/blobs/attachments/a.pdf?sig=x"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("storage account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
