using System.Reflection;
using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Tests.Dispatch;

/// <summary>
/// A store whose activity-result writes take <see cref="Delay"/> longer than usual, as on a database under heavy load;
/// every other call goes straight to the real store.
/// </summary>
public class SlowResultWriteStore : ForwardingStore
{
    public TimeSpan Delay { get; private set; }

    public static IDurableStore Wrap(IDurableStore inner, TimeSpan delay) => Wrap<SlowResultWriteStore>(inner, s => s.Delay = delay);

    protected override object? Intercept(MethodInfo method, object?[]? args) =>
        method.Name == nameof(IDurableStore.CompleteActivitiesAsync) ? CompleteLaterAsync(method, args) : Forward(method, args);

    private async Task<IReadOnlyList<bool>> CompleteLaterAsync(MethodInfo method, object?[]? args)
    {
        await Task.Delay(Delay).ConfigureAwait(false);
        return await ((Task<IReadOnlyList<bool>>)Forward(method, args)!).ConfigureAwait(false);
    }
}

/// <summary>Registers store type <c>slow-results</c>: SQLite with result writes slowed by <paramref name="delay"/>.</summary>
internal sealed class SlowResultWriteStoreProvider(IDurableStoreProvider sqlite, TimeSpan delay) : IDurableStoreProvider
{
    public string Type => "slow-results";

    public IDurableStore Create(DurableStoreSettings settings, IServiceProvider services) => SlowResultWriteStore.Wrap(sqlite.Create(settings, services), delay);
}
