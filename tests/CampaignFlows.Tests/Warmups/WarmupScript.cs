using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Domain;
using CampaignFlows.Durable;
using CampaignFlows.Orchestrations;
using CampaignFlows.Warmups;
using Moq;

namespace CampaignFlows.Tests.Warmups;

/// <summary>Thrown by the scripted context when the script has no more signals: ends a run that would wait forever.</summary>
public sealed class ScriptEndedException : Exception;

/// <summary>
/// A Moq TaskOrchestrationContext driven by a script of signals. Timers move the orchestration clock to their due time;
/// a scripted timeout moves it past the wait's deadline and cancels the wait; sub-orchestrations "send" their limit.
/// </summary>
public sealed class WarmupScript
{
    public static readonly DateTime Start = new(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly Queue<WarmupSignal?> _signals = new();
    private DateTime _now = Start;

    public WarmupScript(WarmupInput input)
    {
        Input = input;
        // Moq matches a setup for object against every result type, so it goes first and the specific setups below win.
        Context.Setup(c => c.CallActivityAsync<object?>(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((string name, object? payload, TaskOptions? _) =>
            {
                if (payload is WarmupDayEntry entry) Days.Add(entry.Day);
                if (payload is WarmupPercentChange change) PercentChanges.Add(change);
                return Task.FromResult<object?>(null);
            });
        Context.SetupGet(c => c.InstanceId).Returns(input.Settings.WarmupId);
        Context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => _now);
        Context.Setup(c => c.GetInput<WarmupInput>()).Returns(() => Input);
        Context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime at, CancellationToken _) => { if (at > _now) _now = at; return Task.CompletedTask; });
        Context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? s) => Statuses.Add((WarmupStatus)s!));
        Context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback((object? next, bool _) => ContinuedWith = (WarmupInput)next!);
        Context.Setup(c => c.WaitForExternalEvent<WarmupSignal>(WarmupSignal.EventName, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns((string _, TimeSpan timeout, CancellationToken _) => Next(timeout));
        Context.Setup(c => c.WaitForExternalEvent<WarmupSignal>(WarmupSignal.EventName, It.IsAny<CancellationToken>()))
            .Returns((string _, CancellationToken _) => Next(null));
        Context.Setup(c => c.CallSubOrchestratorAsync<CampaignReport>(nameof(CampaignOrchestrator), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((string _, object? input, TaskOptions? _) => Task.FromResult(Report((CampaignInput)input!)));
        Context.Setup(c => c.CallActivityAsync<WarmupDayFigures>(nameof(GetDayFigures), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((string _, object? q, TaskOptions? _) => Task.FromResult(Figures((DayFiguresQuery)q!)));
        Context.Setup(c => c.CallActivityAsync<SesWarmupState>(nameof(GetWarmupStatus), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => Task.FromResult(SesState));
    }

    public Mock<TaskOrchestrationContext> Context { get; } = new();

    public WarmupInput Input { get; set; }

    public List<WarmupDayRecord> Days { get; } = [];

    public List<WarmupStatus> Statuses { get; } = [];

    public List<CampaignInput> Campaigns { get; } = [];

    public List<WarmupPercentChange> PercentChanges { get; } = [];

    public WarmupInput? ContinuedWith { get; private set; }

    /// <summary>Bounces per mail for a round (1-based); healthy (0) when absent.</summary>
    public Dictionary<int, decimal> BounceRateByRound { get; } = [];

    public SesWarmupState SesState { get; set; } = new(0, "IN_PROGRESS");

    public DateTime Now => _now;

    public static DateOnly Date(int dayOffset) => DateOnly.FromDateTime(Start).AddDays(dayOffset);

    public static WarmupInput NewInput(string mode = WarmupModes.Plan, int daysPerGeneration = 7, WarmupCursor? cursor = null) => new(
        new WarmupSettings("warmup-192.0.2.1", "192.0.2.1", null, mode, 1_000_000, Start, null, "audience.csv", WarmupGateThresholds.Default,
            "warmup-192.0.2.1", "shared-pool", "marketing", "news@example.com", new CampaignTemplate(Subject: "s", Html: "h", Text: "t"),
            TimeSpan.FromHours(26), TimeSpan.FromHours(2), daysPerGeneration, null),
        cursor ?? WarmupCursor.Start);

    /// <summary>A daily step for the date <paramref name="dayOffset"/> days after the start, arriving at 09:00 that day.</summary>
    public WarmupScript Step(int dayOffset) => Enqueue(WarmupSignal.Step(Date(dayOffset)));

    public WarmupScript Operator(string kind) => Enqueue(new WarmupSignal(kind));

    /// <summary>No signal arrives before the wait's deadline.</summary>
    public WarmupScript Timeout() => Enqueue(null);

    public async Task<WarmupResult?> RunAsync()
    {
        try
        {
            return await WarmupOrchestrator.Run(Context.Object);
        }
        catch (ScriptEndedException)
        {
            return null;
        }
    }

    private WarmupScript Enqueue(WarmupSignal? signal)
    {
        _signals.Enqueue(signal);
        return this;
    }

    private Task<WarmupSignal> Next(TimeSpan? timeout)
    {
        if (!_signals.TryDequeue(out var signal)) return Task.FromException<WarmupSignal>(new ScriptEndedException());
        if (signal is null)
        {
            if (timeout is null) throw new InvalidOperationException("The script timed out a wait that has no timeout.");
            _now += timeout.Value;
            return Task.FromCanceled<WarmupSignal>(new CancellationToken(canceled: true));
        }

        if (signal.Date is { } date)
        {
            var at = date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            if (at > _now) _now = at;
        }
        return Task.FromResult(signal);
    }

    private CampaignReport Report(CampaignInput input)
    {
        Campaigns.Add(input);
        var sent = input.Audience.Limit ?? 0;
        return new CampaignReport(input.CampaignId, "completed", null, sent, sent, 0, 0, 0, 0, sent, 0, 0, 0, 0, 0, 1);
    }

    private WarmupDayFigures Figures(DayFiguresQuery query)
    {
        var round = Days.Count + 1;
        var rate = BounceRateByRound.GetValueOrDefault(round);
        return new WarmupDayFigures(query.Sent, (long)decimal.Ceiling(query.Sent * rate), 0);
    }
}
