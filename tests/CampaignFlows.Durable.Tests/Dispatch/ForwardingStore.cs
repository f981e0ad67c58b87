using System.Reflection;
using CampaignFlows.Durable.Stores;

namespace CampaignFlows.Durable.Tests.Dispatch;

/// <summary>A durable store that passes every call to a real one; a test's subclass changes the calls it is about.</summary>
public abstract class ForwardingStore : DispatchProxy
{
    private IDurableStore _inner = null!;

    /// <summary>Wraps <paramref name="inner"/> in a <typeparamref name="TProxy"/> set up by <paramref name="setUp"/>.</summary>
    protected static IDurableStore Wrap<TProxy>(IDurableStore inner, Action<TProxy> setUp) where TProxy : ForwardingStore
    {
        var store = Create<IDurableStore, TProxy>();
        var proxy = (TProxy)(object)store;
        proxy._inner = inner;
        setUp(proxy);
        return store;
    }

    protected sealed override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return Intercept(targetMethod, args);
    }

    /// <summary>Answers a call to the store; the calls a subclass does not change go to <see cref="Forward"/>.</summary>
    protected abstract object? Intercept(MethodInfo method, object?[]? args);

    /// <summary>The real store's answer, its exceptions thrown as they are.</summary>
    protected object? Forward(MethodInfo method, object?[]? args)
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
