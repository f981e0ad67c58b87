using CampaignFlows.Durable.Client;
using CampaignFlows.Durable.Hosting;
using CampaignFlows.Durable.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CampaignFlows.Durable.Tests.Unit;

public sealed class StoreDurableTaskClientTests
{
    private readonly Mock<IDurableStore> _store = new(MockBehavior.Strict);

    private StoreDurableTaskClient Client(DurableTaskRegistry? registry = null)
    {
        var provider = new Mock<IDurableStoreProvider>();
        provider.SetupGet(p => p.Type).Returns("mock");
        provider.Setup(p => p.Create(It.IsAny<DurableStoreSettings>(), It.IsAny<IServiceProvider>())).Returns(_store.Object);
        var host = new EngineHost(Options.Create(new DurableEngineOptions { StorageProvider = { Type = "mock" } }), [provider.Object],
            TimeProvider.System, NullLoggerFactory.Instance, new ServiceCollection().BuildServiceProvider());
        return new StoreDurableTaskClient(host, registry ?? new DurableTaskRegistry().AddOrchestrator("Known", _ => Task.FromResult<object?>(null)));
    }

    [Fact]
    public async Task RaiseEventAsync_StoreHasNoSuchInstance_ThrowsInstanceNotFound()
    {
        _store.Setup(s => s.SendMessageAsync(It.IsAny<InstanceMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var error = await Assert.ThrowsAsync<InstanceNotFoundException>(() => Client().RaiseEventAsync("ghost", "go"));

        Assert.Equal("ghost", error.InstanceId);
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_UnknownName_WritesNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().ScheduleNewOrchestrationInstanceAsync("Unknown"));

        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_StartAtInTheFuture_DelaysVisibility()
    {
        NewInstance? created = null;
        _store.Setup(s => s.CreateInstanceAsync(It.IsAny<NewInstance>(), It.IsAny<CancellationToken>()))
            .Callback<NewInstance, CancellationToken>((i, _) => created = i).Returns(Task.CompletedTask);
        var startAt = DateTimeOffset.UtcNow.AddHours(3);

        await Client().ScheduleNewOrchestrationInstanceAsync("Known", new { n = 1 }, new StartOrchestrationOptions("later", startAt));

        Assert.Equal(startAt.UtcDateTime, created!.VisibleAt);
        Assert.Equal("{\"n\":1}", created.Input);
    }

    [Fact]
    public async Task QueryInstancesAsync_ForeignContinuationToken_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().QueryInstancesAsync(new OrchestrationQuery { ContinuationToken = "%%%" }));

        Assert.Contains("continuation token", error.Message);
    }

    [Fact]
    public void EngineHost_UnknownStoreType_NamesTheRegisteredOnes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EngineHost(
            Options.Create(new DurableEngineOptions { StorageProvider = { Type = "cosmos" } }), [new Stores.Sqlite.SqliteStoreProvider()],
            TimeProvider.System, NullLoggerFactory.Instance, new ServiceCollection().BuildServiceProvider()));

        Assert.Contains("'cosmos' is unknown", error.Message);
        Assert.Contains("sqlite", error.Message);
    }
}
