using System.Net;
using System.Net.Sockets;

namespace CampaignFlows.Blobs.Tests.Azure;

/// <summary>What callers see when no answer comes at all: refused connections, silence, cancellation.</summary>
public sealed class BlobClientTransportTests
{
    [Fact]
    public async Task CreateContainerAsync_NothingListening_ThrowsTransientConnectionFailed()
    {
        var closedPort = new TcpListener(IPAddress.Loopback, 0);
        closedPort.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)closedPort.LocalEndpoint).Port}/devstoreaccount1");
        closedPort.Stop();
        var client = new BlobClient(new HttpClient(), new StorageAccount("devstoreaccount1", StorageAccount.DevelopmentAccountKey, endpoint));

        var failure = await Assert.ThrowsAsync<BlobStorageException>(() => client.CreateContainerAsync("attachments"));

        Assert.Equal(BlobClient.ConnectionFailedCode, failure.ErrorCode);
        Assert.Equal((HttpStatusCode)0, failure.Status);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task CreateContainerAsync_ServiceNeverAnswers_ThrowsTransientTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/devstoreaccount1");
        var client = new BlobClient(
            new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) },
            new StorageAccount("devstoreaccount1", StorageAccount.DevelopmentAccountKey, endpoint));

        var failure = await Assert.ThrowsAsync<BlobStorageException>(() => client.CreateContainerAsync("attachments"));

        Assert.Equal(BlobClient.TimeoutCode, failure.ErrorCode);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task CreateContainerAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/devstoreaccount1");
        var client = new BlobClient(new HttpClient(), new StorageAccount("devstoreaccount1", StorageAccount.DevelopmentAccountKey, endpoint));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CreateContainerAsync("attachments", cancel.Token));
    }
}
