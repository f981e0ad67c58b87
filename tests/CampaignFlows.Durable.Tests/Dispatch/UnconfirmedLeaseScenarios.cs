using System.Reflection;
using CampaignFlows.Durable.Stores;
using CampaignFlows.Durable.Stores.Sqlite;
using CampaignFlows.Durable.Tests.Infrastructure;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Durable.Tests.Dispatch;

/// <summary>A running activity whose lease this host can no longer renew is cancelled before the lease lapses.</summary>
public sealed class UnconfirmedLeaseScenarios(SqliteStoreFixture db) : IClassFixture<SqliteStoreFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(RenewalFault.Hangs)]
    [InlineData(RenewalFault.Throws)]
    public async Task A_run_whose_renewals_stall_is_cancelled_before_its_lease_can_lapse(RenewalFault fault)
    {
        var store = new RenewalFaults();
        var logs = new Warnings();
        var leased = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var engine = await StartAsync($"renewal-{fault}", store, logs, async ctx =>
        {
            leased.TrySetResult(((Runtime.ActivityContext)ctx).LeasedAt);
            try
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult(DateTime.UtcNow);
            }
            return "stopped";
        });

        // Every renewal fails from the start, so the only lease the run ever holds is the one it was leased with.
        store.Fault = fault;
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Hold", "x");
        var leasedAt = await leased.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopped = await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The run stops once less than a sixth of its lease is left (2.5 s after leasing), not at the first failed
        // renewal (1 s); the upper bound allows a timer half a second late on a loaded machine.
        var ran = stopped - leasedAt;
        Assert.InRange(ran, Lease * 0.8, Lease + TimeSpan.FromSeconds(0.5));
        Assert.Contains(logs.Messages, m => m.Contains("lease could not be renewed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_whose_lease_is_renewed_runs_well_past_one_lease_uncancelled()
    {
        var store = new RenewalFaults();
        var logs = new Warnings();
        var runs = 0;
        await using var engine = await StartAsync("renewal-fine", store, logs, async ctx =>
        {
            Interlocked.Increment(ref runs);
            await Task.Delay(Lease * 2.5, ctx.CancellationToken);
            return "done";
        });

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Hold", "x");
        var done = await engine.WaitAsync(id);

        Assert.Equal("done", done.ReadOutputAs<string>());
        Assert.True(store.Renewals >= 3, $"renewed {store.Renewals} times");
        // A cancelled run would have been re-queued and run again, and logged why.
        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("lease could not be renewed", StringComparison.Ordinal));
    }

    private Task<TestEngine> StartAsync(string name, RenewalFaults store, Warnings logs, Func<TaskActivityContext, Task<string>> hold) =>
        TestEngine.StartAsync(name, db.NewConnectionString(), r => r
                .AddActivity<string, string>("Hold", (ctx, _) => hold(ctx))
                .AddOrchestrator<string, string>("Hold", (ctx, x) => ctx.CallActivityAsync<string>("Hold", x)),
            configure: o => o.LeaseDuration = Lease,
            services: s => s.AddSingleton<IDurableStoreProvider>(new RenewalFaultsProvider(name, store)).AddSingleton<ILoggerProvider>(logs));

    /// <summary>Keeps the warnings the engine logs.</summary>
    private sealed class Warnings : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Messages.Enqueue(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }

    public enum RenewalFault
    {
        None,
        /// <summary>The store never answers, as a database that hangs.</summary>
        Hangs,
        /// <summary>The store refuses every call, as a database that is unreachable.</summary>
        Throws,
    }

    /// <summary>Decides how the wrapped store's lease renewals behave; every other call goes straight through.</summary>
    private sealed class RenewalFaults
    {
        private int _renewals;

        public RenewalFault Fault { get; set; }

        public int Renewals => Volatile.Read(ref _renewals);

        public void Count() => Interlocked.Increment(ref _renewals);
    }

    private sealed class RenewalFaultsProvider(string type, RenewalFaults faults) : IDurableStoreProvider
    {
        public string Type => type;

        public IDurableStore Create(DurableStoreSettings settings, IServiceProvider services) =>
            RenewalFaultStore.Wrap(new SqliteStoreProvider().Create(settings, services), faults);
    }

    private class RenewalFaultStore : ForwardingStore
    {
        private RenewalFaults _faults = null!;

        public static IDurableStore Wrap(IDurableStore inner, RenewalFaults faults) => Wrap<RenewalFaultStore>(inner, s => s._faults = faults);

        protected override object? Intercept(MethodInfo method, object?[]? args)
        {
            if (method.Name == nameof(IDurableStore.RenewActivityLeaseAsync))
            {
                switch (_faults.Fault)
                {
                    case RenewalFault.Hangs:
                        return Task.Delay(Timeout.Infinite, (CancellationToken)args![3]!).ContinueWith(_ => false, TaskScheduler.Default);
                    case RenewalFault.Throws:
                        return Task.FromException<bool>(new TimeoutException("the database did not answer"));
                    default:
                        _faults.Count();
                        break;
                }
            }
            return Forward(method, args);
        }
    }
}
