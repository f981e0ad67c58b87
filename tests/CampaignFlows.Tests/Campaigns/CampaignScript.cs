using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using CampaignFlows.Orchestrations;
using Moq;

namespace CampaignFlows.Tests.Campaigns;

/// <summary>A mocked orchestration context for CampaignOrchestrator: activities answer from the script, events are ours to raise.</summary>
/// <remarks>
/// Moq matches a generic setup for <c>CallActivityAsync&lt;object?&gt;</c> against every <c>CallActivityAsync&lt;T&gt;</c>
/// (object is assignable from any T), so the activities without a result are set up one by one by name, never with a
/// catch-all that would shadow the typed answers. Each wait for an event gets a fresh task once the previous one has
/// completed, as the engine does, so a pause raised once is obeyed once.
/// </remarks>
internal sealed class CampaignScript
{
    public static readonly CampaignKnobs Knobs = new(WaveBatches: 2, WavesPerGeneration: 3, MaxSendAttempts: 5, Priority: 5);

    private static readonly string[] ActivitiesWithoutResult = [nameof(CancelRemaining), nameof(DeadLetterRemaining), nameof(OpenAccountCircuit)];
    private TaskCompletionSource<object?> _pause = new();
    private TaskCompletionSource<object?> _resume = new();

    public static DateTime Now { get; } = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    public Mock<TaskOrchestrationContext> Context { get; } = new();
    public CampaignInput Input { get; }
    public TaskCompletionSource<object?> Cancel { get; } = new();
    public TaskCompletionSource Timer { get; } = new();
    public List<DateTime> Timers { get; } = [];
    public List<object?> Statuses { get; } = [];
    public List<(string Name, object? Input)> Activities { get; } = [];
    public List<WaveInput> Waves { get; } = [];
    public Queue<AccountPick> Picks { get; } = new();
    public Queue<PlannedWave> Plans { get; } = new();
    public Queue<HealthVerdict> Verdicts { get; } = new();
    public Func<WaveInput, WaveResult> WaveAnswer { get; set; } = wave => new WaveResult(wave.Batches.Sum(b => b.Count), 0, [], null, 0);
    public object? ContinuedWith { get; private set; }
    public SummaryRequest? Summary { get; private set; }

    /// <summary>Raises a pause: the wait the orchestrator holds now completes.</summary>
    public void RaisePause() => _pause.TrySetResult(null);

    /// <summary>Raises a resume.</summary>
    public void RaiseResume() => _resume.TrySetResult(null);

    public CampaignScript(CampaignRun? run = null, CampaignInput? input = null)
    {
        Input = input ?? new("cmp-1", "marketing", "news@shop.example", new CampaignTemplate(Subject: "Hi", Text: "Hi"), new AudienceSource("cmp-1.csv"));
        Context.Setup(c => c.GetInput<CampaignRun>()).Returns(run);
        Context.Setup(c => c.GetInput<CampaignInput>()).Returns(Input);
        Context.Setup(c => c.CurrentUtcDateTime).Returns(Now);
        Context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(Statuses.Add);
        Context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback<object?, bool>((next, _) => ContinuedWith = next);
        Context.Setup(c => c.WaitForExternalEvent<object?>(CampaignEvents.Pause, It.IsAny<CancellationToken>())).Returns(() => Fresh(ref _pause).Task);
        Context.Setup(c => c.WaitForExternalEvent<object?>(CampaignEvents.Resume, It.IsAny<CancellationToken>())).Returns(() => Fresh(ref _resume).Task);
        Context.Setup(c => c.WaitForExternalEvent<object?>(CampaignEvents.Cancel, It.IsAny<CancellationToken>())).Returns(() => Cancel.Task);
        Context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, _) =>
            {
                Timers.Add(fireAt);
                return Timer.Task;
            });

        Activity(nameof(LoadAudience), _ => new AudienceLoaded(10, 10, 0, 0, 0, "tpl", Knobs));
        Activity(nameof(ChooseAccount), _ => Picks.Count > 0 ? Picks.Dequeue() : new AccountPick("marketing-primary", null, null));
        Activity(nameof(PlanBatches), request => Plan((PlanRequest)request!));
        Activity(nameof(FindUnfinishedBatches), _ => Array.Empty<int>());
        Activity(nameof(CheckCampaignHealth), _ => Verdicts.Count > 0 ? Verdicts.Dequeue() : new HealthVerdict("Continue", "", Progress("sending")));
        Activity<CampaignReport>(nameof(SummarizeCampaign), request =>
        {
            Summary = (SummaryRequest)request!;
            return new CampaignReport("cmp-1", Summary.Status, Summary.Reason, 10, 10, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 1);
        });
        foreach (var name in ActivitiesWithoutResult) Activity<object?>(name, _ => null);
        Context.Setup(c => c.CallSubOrchestratorAsync<WaveResult>(nameof(SendWaveOrchestrator), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<string, object?, TaskOptions?>((_, wave, _) =>
            {
                Waves.Add((WaveInput)wave!);
                return Task.FromResult(WaveAnswer((WaveInput)wave!));
            });
    }

    public static CampaignProgress Progress(string state) => new(state, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

    public void Activity<T>(string name, Func<object?, T> answer) =>
        Context.Setup(c => c.CallActivityAsync<T>(name, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<string, object?, TaskOptions?>((n, input, _) =>
            {
                Activities.Add((n, input));
                return Task.FromResult(answer(input));
            });

    public int Calls(string name) => Activities.Count(a => a.Name == name);

    public IEnumerable<T> Inputs<T>(string name) => Activities.Where(a => a.Name == name).Select(a => (T)a.Input!);

    public IEnumerable<string> States => Statuses.OfType<CampaignProgress>().Select(p => p.State);

    public Task<CampaignReport> Run() => CampaignOrchestrator.Run(Context.Object);

    /// <summary>The next scripted plan, holding no more batches than asked for, as PlanBatches does.</summary>
    private PlannedWave Plan(PlanRequest request) =>
        Plans.TryDequeue(out var plan) ? plan with { Batches = [.. plan.Batches.Take(request.MaxBatches)] } : new PlannedWave([], request.Checkpoint);

    private static TaskCompletionSource<object?> Fresh(ref TaskCompletionSource<object?> source)
    {
        if (source.Task.IsCompleted) source = new TaskCompletionSource<object?>();
        return source;
    }
}
