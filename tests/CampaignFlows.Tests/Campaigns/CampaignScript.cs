using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using CampaignFlows.Orchestrations;
using Moq;

namespace CampaignFlows.Tests.Campaigns;

/// <summary>A mocked orchestration context for CampaignOrchestrator: activities answer from the script, events are ours to raise.</summary>
internal sealed class CampaignScript
{
    public static readonly CampaignKnobs Knobs = new(WaveBatches: 2, WavesPerGeneration: 3, MaxSendAttempts: 5, Priority: 5);

    public Mock<TaskOrchestrationContext> Context { get; } = new();
    public CampaignInput Input { get; } = new("cmp-1", "marketing", "news@shop.example", new CampaignTemplate(Subject: "Hi", Text: "Hi"), new AudienceSource("cmp-1.csv"));
    public TaskCompletionSource<object?> Pause { get; } = new();
    public TaskCompletionSource<object?> Resume { get; } = new();
    public TaskCompletionSource<object?> Cancel { get; } = new();
    public List<object?> Statuses { get; } = [];
    public List<(string Name, object? Input)> Activities { get; } = [];
    public List<WaveInput> Waves { get; } = [];
    public Queue<AccountPick> Picks { get; } = new();
    public Queue<PlannedWave> Plans { get; } = new();
    public Queue<HealthVerdict> Verdicts { get; } = new();
    public object? ContinuedWith { get; private set; }
    public SummaryRequest? Summary { get; private set; }

    public CampaignScript(CampaignRun? run = null)
    {
        Context.Setup(c => c.GetInput<CampaignRun>()).Returns(run);
        Context.Setup(c => c.GetInput<CampaignInput>()).Returns(Input);
        Context.Setup(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc));
        Context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(Statuses.Add);
        Context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback<object?, bool>((input, _) => ContinuedWith = input);
        Context.Setup(c => c.WaitForExternalEvent<object?>(CampaignEvents.Pause, It.IsAny<CancellationToken>())).Returns(() => Pause.Task);
        Context.Setup(c => c.WaitForExternalEvent<object?>(CampaignEvents.Resume, It.IsAny<CancellationToken>())).Returns(() => Resume.Task);
        Context.Setup(c => c.WaitForExternalEvent<object?>(CampaignEvents.Cancel, It.IsAny<CancellationToken>())).Returns(() => Cancel.Task);

        Activity(nameof(LoadAudience), _ => new AudienceLoaded(10, 10, 0, 0, 0, "tpl", Knobs));
        Activity(nameof(ChooseAccount), _ => Picks.Count > 0 ? Picks.Dequeue() : new AccountPick("marketing-primary", null, null));
        Activity(nameof(PlanBatches), input => Plans.Count > 0 ? Plans.Dequeue() : new PlannedWave([], ((PlanRequest)input!).Checkpoint));
        Activity(nameof(FindUnfinishedBatches), _ => Array.Empty<int>());
        Activity(nameof(CheckCampaignHealth), _ => Verdicts.Count > 0 ? Verdicts.Dequeue() : new HealthVerdict("Continue", "", Progress("sending")));
        Activity<CampaignReport>(nameof(SummarizeCampaign), input =>
        {
            Summary = (SummaryRequest)input!;
            return new CampaignReport("cmp-1", Summary.Status, Summary.Reason, 10, 10, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 1);
        });
        Context.Setup(c => c.CallActivityAsync<object?>(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<string, object?, TaskOptions?>((name, input, _) =>
            {
                Activities.Add((name, input));
                return Task.FromResult<object?>(null);
            });
        Context.Setup(c => c.CallSubOrchestratorAsync<WaveResult>(nameof(SendWaveOrchestrator), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<string, object?, TaskOptions?>((_, input, _) =>
            {
                var wave = (WaveInput)input!;
                Waves.Add(wave);
                return Task.FromResult(new WaveResult(wave.Batches.Sum(b => b.Count), 0, [], null, 0, 0));
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

    public Task<CampaignReport> Run() => CampaignOrchestrator.Run(Context.Object);
}
