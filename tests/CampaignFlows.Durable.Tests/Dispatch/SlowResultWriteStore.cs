using System.Reflection;
using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Tests.Dispatch;

/// <summary>
/// A store whose activity-result writes take <see cref="Delay"/> longer than usual, as on a database under heavy load;
/// every other call goes straight to the real store.
/// </summary>
public class SlowResultWriteStore : DispatchProxy
{
    private IDurableStore _inner = null!;

    public TimeSpan Delay { get; private set; }

    public static IDurableStore Wrap(IDurableStore inner, TimeSpan delay)
    {
        var store = Create<IDurableStore, SlowResultWriteStore>();
        var proxy = (SlowResultWriteStore)(object)store;
        proxy._inner = inner;
        proxy.Delay = delay;
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name != nameof(IDurableStore.CompleteActivitiesAsync)) return Forward(targetMethod, args);
        return CompleteLaterAsync(targetMethod, args);
    }

    private async Task<IReadOnlyList<bool>> CompleteLaterAsync(MethodInfo method, object?[]? args)
    {
        await Task.Delay(Delay).ConfigureAwait(false);
        return await ((Task<IReadOnlyList<bool>>)Forward(method, args)!).ConfigureAwait(false);
    }

    private object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}

/// <summary>Registers store type <c>slow-results</c>: SQLite with result writes slowed by <paramref name="delay"/>.</summary>
internal sealed class SlowResultWriteStoreProvider(IDurableStoreProvider sqlite, TimeSpan delay) : IDurableStoreProvider
{
    public string Type => "slow-results";

    public IDurableStore Create(DurableStoreSettings settings, IServiceProvider services) => SlowResultWriteStore.Wrap(sqlite.Create(settings, services), delay);
}
