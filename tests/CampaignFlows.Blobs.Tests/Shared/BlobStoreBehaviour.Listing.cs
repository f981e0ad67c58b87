using System.Net;
using CampaignFlows.Blobs.Tests.Fixtures;

namespace CampaignFlows.Blobs.Tests.Shared;

public abstract partial class BlobStoreBehaviour
{
    [Fact]
    public async Task DeleteBlob()
    {
        await Store.CreateContainerAsync(Container);
        await Store.UploadAsync(Container, "gone.txt", TestContent.Text("bye"), "text/plain");

        Assert.True(await Store.ExistsAsync(Container, "gone.txt"));
        Assert.True(await Store.DeleteAsync(Container, "gone.txt"));
        Assert.False(await Store.DeleteAsync(Container, "gone.txt"));
        Assert.Null(await Store.DownloadAsync(Container, "gone.txt"));
        Assert.Null(await Store.GetPropertiesAsync(Container, "gone.txt"));
        Assert.False(await Store.ExistsAsync(Container, "gone.txt"));
        Assert.Empty((await Store.ListAsync(Container)).Blobs);
    }

    [Fact]
    public async Task ListByPrefixInPages()
    {
        await Store.CreateContainerAsync(Container);
        var expected = Enumerable.Range(0, 7).Select(i => $"reports/2026/r{i}.csv").ToList();
        foreach (var name in expected.Concat(["other/x.csv", "reports-old.csv", "a.csv"]))
        {
            await Store.UploadAsync(Container, name, TestContent.Text(name), "text/csv");
        }

        var seen = new List<string>();
        var pages = 0;
        string? marker = null;
        do
        {
            var page = await Store.ListAsync(Container, "reports/", marker, maxResults: 3);
            Assert.True(page.Blobs.Count <= 3);
            seen.AddRange(page.Blobs.Select(b => b.Name));
            Assert.All(page.Blobs, b => Assert.Equal("text/csv", b.ContentType));
            Assert.All(page.Blobs, b => Assert.Equal(b.Name.Length, b.ContentLength));
            marker = page.NextMarker;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
        Assert.Equal(expected, await Store.ListAllAsync(Container, "reports/").Select(b => b.Name).ToListAsync());
        Assert.Equal(10, await Store.ListAllAsync(Container).CountAsync());
    }
}
