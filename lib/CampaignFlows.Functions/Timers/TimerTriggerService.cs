using CampaignFlows.Durable;
using CampaignFlows.Functions.Discovery;
using CampaignFlows.Functions.Invocation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Functions.Timers;

/// <summary>
/// Runs the timer-triggered functions. Each occurrence is claimed in the engine's store before it runs, so it runs on one host
/// only; a schedule whose recorded next occurrence passed while every host was down runs once, past due, at start.
/// </summary>
/// <remarks>All waiting goes through the injected <see cref="TimeProvider"/>, so tests drive schedules with a manual clock.</remarks>
internal sealed class TimerTriggerService(FunctionCatalog catalog, IServiceProvider services, TimeProvider time, ILogger<TimerTriggerService> logger)
    : BackgroundService
{
    /// <summary>Longer waits are split, as timers cannot wait beyond about 49 days and clocks can be changed.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timers = catalog.Functions.Where(f => f.Timer is not null).ToList();
        if (timers.Count == 0) return Task.CompletedTask;
        var monitor = services.GetRequiredService<IScheduleMonitor>();
        return Task.WhenAll(timers.Select(f => Task.Run(() => RunScheduleAsync(f, monitor, stoppingToken), stoppingToken)));
    }

    private async Task RunScheduleAsync(FunctionDefinition function, IScheduleMonitor monitor, CancellationToken stop)
    {
        var timer = function.Timer!;
        try
        {
            var status = await monitor.GetStatusAsync(function.Name, stop).ConfigureAwait(false);
            if (timer.UseMonitor && status is not null && status.Next <= Now)
            {
                var missed = timer.Schedule.GetNextOccurrences(status.Last, Now.AddTicks(1)).LastOrDefault(status.Next);
                Logs.TimerPastDue(logger, function.Name, status.Next);
                await ClaimAndRunAsync(function, monitor, status, missed, isPastDue: true, stop).ConfigureAwait(false);
            }
            if (timer.RunOnStartup) await InvokeAsync(function, new TimerInfo(status, IsPastDue: false), stop).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                status = await monitor.GetStatusAsync(function.Name, stop).ConfigureAwait(false);
                var now = Now;
                var next = timer.Schedule.GetNextOccurrence(status is not null && status.Last > now ? status.Last : now);
                if (next - now > MaxWait)
                {
                    await Task.Delay(MaxWait, time, stop).ConfigureAwait(false);
                    continue;
                }
                if (next > now) await Task.Delay(next - now, time, stop).ConfigureAwait(false);
                status = await monitor.GetStatusAsync(function.Name, stop).ConfigureAwait(false);
                if (status is not null && status.Last >= next) continue;
                await ClaimAndRunAsync(function, monitor, status, next, isPastDue: false, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: the next host to start picks the schedule up from the store.
        }
    }

    private async Task ClaimAndRunAsync(FunctionDefinition function, IScheduleMonitor monitor, ScheduleStatus? status, DateTime occurrence,
        bool isPastDue, CancellationToken stop)
    {
        var following = function.Timer!.Schedule.GetNextOccurrence(occurrence > Now ? occurrence : Now);
        if (!await monitor.TryClaimOccurrenceAsync(function.Name, status?.Last, occurrence, following, stop).ConfigureAwait(false)) return;
        await InvokeAsync(function, new TimerInfo(status, isPastDue), stop).ConfigureAwait(false);
    }

    private async Task InvokeAsync(FunctionDefinition function, TimerInfo info, CancellationToken stop)
    {
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                await FunctionInvoker.InvokeAsync(function, new InvocationContext(scope.ServiceProvider, info, stop)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                Logs.TimerFailed(logger, e, function.Name);
            }
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
