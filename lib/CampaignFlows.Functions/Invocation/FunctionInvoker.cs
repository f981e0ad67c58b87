using System.Reflection;
using CampaignFlows.Functions.Discovery;

namespace CampaignFlows.Functions.Invocation;

/// <summary>Calls a discovered function and awaits whatever task-like value it returns.</summary>
/// <remarks>
/// Awaits keep the caller's synchronization context: orchestrator code must resume on the engine's replay scheduler.
/// </remarks>
internal static class FunctionInvoker
{
    /// <summary>Binds the arguments, calls the method and returns its result (null for Task, ValueTask and void).</summary>
    public static async Task<object?> InvokeAsync(FunctionDefinition function, InvocationContext context)
    {
        var target = function.CreateInstance?.Invoke(context.Services);
        try
        {
            var args = new object?[function.Binders.Count];
            for (var i = 0; i < args.Length; i++) args[i] = function.Binders[i](context);
            var returned = function.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, args, null);
            return await UnwrapAsync(returned);
        }
        finally
        {
            if (target is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else (target as IDisposable)?.Dispose();
        }
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return ResultOf(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when IsGenericValueTask(returned.GetType()):
                var asTask = (Task)returned.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                await asTask;
                return ResultOf(asTask);
            default:
                return returned;
        }
    }

    private static object? ResultOf(Task task)
    {
        var type = task.GetType();
        if (!type.IsGenericType) return null;
        var result = type.GetProperty(nameof(Task<int>.Result))!.GetValue(task);
        // Task-returning async methods complete with an internal VoidTaskResult that is not a value.
        return result?.GetType().Name == "VoidTaskResult" ? null : result;
    }

    private static bool IsGenericValueTask(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>);
}
