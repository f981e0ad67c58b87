using CampaignFlows.Activities;
using CampaignFlows.Campaigns;
using CampaignFlows.Durable;
using CampaignFlows.Orchestrations;
using Moq;

namespace CampaignFlows.Tests.Campaigns;

public sealed class SendWaveOrchestratorTests
{
    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly List<(SendBatch Batch, TaskOptions Options)> _calls = [];

    private static WaveInput Wave(params PlannedBatch[] batches) =>
        new("cmp-9", batches, "marketing-primary", "news@shop.example", "tpl", null, 9, CampaignScript.Knobs);

    private void Answer(Func<SendBatch, Task<BatchResult>> answer) =>
        _context.Setup(c => c.CallActivityAsync<BatchResult>(nameof(SendBulkEmail), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<string, object?, TaskOptions?>((_, input, options) =>
            {
                var batch = (SendBatch)input!;
                _calls.Add((batch, options!));
                return answer(batch);
            });

    [Fact]
    public async Task Run_EveryBatch_IsDispatchedUnderTheAccountRateQuotaAndCampaignFairness()
    {
        _context.Setup(c => c.GetInput<WaveInput>()).Returns(Wave(new PlannedBatch(1, 50), new PlannedBatch(2, 20)));
        Answer(b => Task.FromResult(new BatchResult(b.Batch == 1 ? 50 : 20, 0, 0, null)));

        var result = await SendWaveOrchestrator.Run(_context.Object);

        Assert.Equal(70, result.Sent);
        Assert.Empty(result.Unfinished);
        var (batch, options) = _calls.Single(c => c.Batch.Batch == 2);
        Assert.Equal([new RateLimit(MailAccounts.RateKey("marketing-primary"), 20), new RateLimit(MailAccounts.QuotaKey("marketing-primary"), 20)], options.RateLimits);
        Assert.Equal(new Fairness("cmp-9", 9), options.Fairness);
        Assert.Equal(CampaignScript.Knobs.Priority, options.Priority);
        Assert.Equal("tpl", batch.TemplateName);
    }

    [Fact]
    public async Task Run_BatchFailsForGoodOrAccountStops_ReportsItUnfinishedWithTheProblem()
    {
        _context.Setup(c => c.GetInput<WaveInput>()).Returns(Wave(new PlannedBatch(1, 50), new PlannedBatch(2, 50), new PlannedBatch(3, 50)));
        Answer(b => b.Batch switch
        {
            1 => Task.FromResult(new BatchResult(50, 0, 0, null)),
            2 => Task.FromResult(new BatchResult(10, 0, 40, "SendingPausedException: paused")),
            _ => Task.FromException<BatchResult>(new TaskFailedException(nameof(SendBulkEmail), 3, new TaskFailureDetails("AwsServiceException", "503"))),
        });

        var result = await SendWaveOrchestrator.Run(_context.Object);

        Assert.Equal(60, result.Sent);
        Assert.Equal(1, result.Errors);
        Assert.Equal("SendingPausedException: paused", result.AccountProblem);
        Assert.Equal([new PlannedBatch(2, 40), new PlannedBatch(3, 50)], result.Unfinished);
    }

    [Fact]
    public async Task Run_WaveSizedBelowItsBatches_CapsEachCallAndItsCostAndKeepsWhatIsLeft()
    {
        _context.Setup(c => c.GetInput<WaveInput>()).Returns(Wave(new PlannedBatch(1, 50), new PlannedBatch(2, 8)) with { BatchSize = 15 });
        Answer(b => Task.FromResult(b.Batch == 1 ? new BatchResult(15, 0, 0, null, MoreLeft: true) : new BatchResult(8, 0, 0, null)));

        var result = await SendWaveOrchestrator.Run(_context.Object);

        Assert.All(_calls, c => Assert.Equal(15, c.Batch.MaxRecipients));
        Assert.Equal([15, 15], _calls.Single(c => c.Batch.Batch == 1).Options.RateLimits!.Select(l => l.Cost));
        Assert.Equal([8, 8], _calls.Single(c => c.Batch.Batch == 2).Options.RateLimits!.Select(l => l.Cost));
        Assert.Equal([new PlannedBatch(1, 35)], result.Unfinished);
    }
}
