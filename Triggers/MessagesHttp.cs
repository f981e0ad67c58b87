using CampaignFlows.Durable;
using CampaignFlows.Functions;
using CampaignFlows.Messages;
using CampaignFlows.Orchestrations;

namespace CampaignFlows.Triggers;

/// <summary>Transactional mail over HTTP: verification, password reset, order mail.</summary>
public sealed class MessagesHttp(TransactionalMessages messages)
{
    /// <summary>The response header set when the answer repeats an earlier identical request's.</summary>
    public const string RepeatHeader = "Debounced";

    /// <summary>
    /// <c>POST /api/messages</c>: 200 once SES accepted the mail, 202 when it is dead-lettered (with the reason) or
    /// still pending (with its status URL); 4xx with ProblemDetails when it must not be sent.
    /// </summary>
    [Function(nameof(SendMessage))]
    public async Task<IResult> SendMessage([HttpTrigger(AuthorizationLevel.Function, "post", Route = "messages")] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var request = await req.ReadJsonAsync<MessageRequest>(cancellation);
        var (answer, repeat) = await messages.SendAsync(request, client, cancellation);
        if (repeat) req.HttpContext.Response.Headers[RepeatHeader] = "true";
        return answer.Status == TransactionalOutcome.Sent ? TypedResults.Ok(answer) : TypedResults.Accepted($"/api/messages/{answer.Id}", answer);
    }

    /// <summary><c>GET /api/messages/{id}</c>: what became of a message.</summary>
    [Function(nameof(GetMessage))]
    public async Task<IResult> GetMessage([HttpTrigger(AuthorizationLevel.Function, "get", Route = "messages/{id}")] HttpRequest req,
        string id, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        var instance = id.StartsWith("msg-", StringComparison.Ordinal) ? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellation) : null;
        if (instance is null || instance.Name != nameof(TransactionalOrchestrator))
            return TypedResults.Problem(statusCode: 404, title: "Unknown message", detail: $"No message with id '{id}' exists.");
        return TypedResults.Ok(instance.ReadOutputAs<TransactionalOutcome>() is { } outcome
            ? MessageAnswer.From(id, outcome)
            : new MessageAnswer(id, MessageAnswer.Pending, null, null, null));
    }
}
