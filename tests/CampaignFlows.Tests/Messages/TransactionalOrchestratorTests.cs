using CampaignFlows.Activities;
using CampaignFlows.Durable;
using CampaignFlows.Messages;
using CampaignFlows.Orchestrations;
using Moq;

namespace CampaignFlows.Tests.Messages;

public sealed class TransactionalOrchestratorTests
{
    private static readonly TransactionalMessage Message = new("transactional", 10, ["tx-primary", "tx-backup"], "no-reply@shop.example", "a@example.com",
        "password-reset", new global::CampaignFlows.Domain.RenderedMessage("Code", null, "Your code is 1"), null);

    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly List<(string Account, TaskOptions? Options)> _tries = [];
    private TransactionalDeadLetter? _deadLetter;

    public TransactionalOrchestratorTests() => _context.Setup(c => c.GetInput<TransactionalMessage>()).Returns(Message);

    private void Answer(string account, Func<TransactionalAttempt> answer) =>
        _context.Setup(c => c.CallActivityAsync<TransactionalAttempt>(nameof(SendTransactional), It.Is<TransactionalSend>(s => s.Account == account), It.IsAny<TaskOptions?>()))
            .Callback<string, object?, TaskOptions?>((_, input, options) => _tries.Add((((TransactionalSend)input!).Account, options)))
            .Returns(() => Task.FromResult(answer()));

    private void ExpectDeadLetter() =>
        _context.Setup(c => c.CallActivityAsync<object?>(nameof(DeadLetterTransactional), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<string, object?, TaskOptions?>((_, input, _) => _deadLetter = (TransactionalDeadLetter)input!)
            .ReturnsAsync((object?)null);

    [Fact]
    public async Task Run_FirstAccountAccepts_SentWithItsIdAtThePriorityAndRateKeys()
    {
        Answer("tx-primary", () => new TransactionalAttempt("ses-1", null, false));

        var outcome = await TransactionalOrchestrator.Run(_context.Object);

        Assert.Equal(new TransactionalOutcome(TransactionalOutcome.Sent, "ses-1", "tx-primary", null), outcome);
        var (account, options) = Assert.Single(_tries);
        Assert.Equal("tx-primary", account);
        Assert.Equal(10, options!.Priority);
        Assert.Equal(["ses:tx-primary", "ses:tx-primary:24h"], options.RateLimits.Select(r => r.Key));
        Assert.NotNull(options.Retry);
    }

    [Fact]
    public async Task Run_FirstAccountPaused_FailsOverToTheNext()
    {
        Answer("tx-primary", () => new TransactionalAttempt(null, "SendingPausedException: paused", false));
        Answer("tx-backup", () => new TransactionalAttempt("ses-2", null, false));

        var outcome = await TransactionalOrchestrator.Run(_context.Object);

        Assert.Equal("tx-backup", outcome.Account);
        Assert.Equal(["tx-primary", "tx-backup"], _tries.Select(t => t.Account));
    }

    [Fact]
    public async Task Run_TransientFailuresExhaustRetries_FailsOver()
    {
        Answer("tx-primary", () => throw new TaskFailedException(nameof(SendTransactional), 1, new TaskFailureDetails("AwsServiceException", "503 Service Unavailable")));
        Answer("tx-backup", () => new TransactionalAttempt("ses-3", null, false));

        var outcome = await TransactionalOrchestrator.Run(_context.Object);

        Assert.Equal(TransactionalOutcome.Sent, outcome.Status);
        Assert.Equal("tx-backup", outcome.Account);
    }

    [Fact]
    public async Task Run_NoAccountCanSend_DeadLettersWithEveryAccountsReason()
    {
        Answer("tx-primary", () => new TransactionalAttempt(null, "SendingPausedException: paused", false));
        Answer("tx-backup", () => new TransactionalAttempt(null, "LimitExceededException: quota", false));
        ExpectDeadLetter();

        var outcome = await TransactionalOrchestrator.Run(_context.Object);

        Assert.Equal(TransactionalOutcome.DeadLettered, outcome.Status);
        Assert.Contains("tx-primary: SendingPausedException", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("tx-backup: LimitExceededException", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(new TransactionalDeadLetter("a@example.com", outcome.Reason!), _deadLetter);
    }

    [Fact]
    public async Task Run_PermanentRefusal_DeadLettersWithoutTryingOtherAccounts()
    {
        Answer("tx-primary", () => new TransactionalAttempt(null, "SES refused the mail: MessageRejected: bad", true));
        ExpectDeadLetter();

        var outcome = await TransactionalOrchestrator.Run(_context.Object);

        Assert.Equal(TransactionalOutcome.DeadLettered, outcome.Status);
        Assert.Equal(["tx-primary"], _tries.Select(t => t.Account));
        Assert.Contains("MessageRejected", _deadLetter!.Reason, StringComparison.Ordinal);
    }
}
