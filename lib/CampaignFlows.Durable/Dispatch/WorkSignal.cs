namespace CampaignFlows.Durable.Dispatch;

/// <summary>
/// Wakes a polling loop early when this process wrote something it should look at (a new instance, an activity result,
/// a checkpoint). Polling still covers writes by other processes; the signal only cuts the latency of local ones.
/// </summary>
internal sealed class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Notify"/>; take it before polling so no notification is missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for <paramref name="wake"/> or <paramref name="delay"/> on the engine's clock, whichever is first.</summary>
    public static async Task WaitAsync(Task wake, TimeSpan delay, TimeProvider time, CancellationToken cancellation)
    {
        if (wake.IsCompleted) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var sleep = Task.Delay(delay, time, stop.Token);
        await Task.WhenAny(wake, sleep).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellation.ThrowIfCancellationRequested();
    }
}
