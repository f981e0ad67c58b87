using System.Runtime.InteropServices;

namespace CampaignFlows.Cli;

/// <summary>Waits for Ctrl+C or SIGTERM, for verbs that run something until the user stops it.</summary>
public static class ShutdownSignal
{
    /// <summary>Completes on Ctrl+C, SIGTERM or cancellation.</summary>
    public static async Task WaitAsync(CancellationToken cancellation)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        await using var registration = cancellation.Register(() => stop.TrySetResult()).ConfigureAwait(false);
        await stop.Task.ConfigureAwait(false);
    }
}
