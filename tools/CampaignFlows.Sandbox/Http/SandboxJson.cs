using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignFlows.Sandbox.Admin;
using CampaignFlows.Sandbox.Ses;
using CampaignFlows.Sandbox.Sqs;

namespace CampaignFlows.Sandbox.Http;

/// <summary>Source-generated JSON for every request and response shape: property names exactly as declared.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SendEmailRequest))]
[JsonSerializable(typeof(SendEmailResponse))]
[JsonSerializable(typeof(SendBulkEmailRequest))]
[JsonSerializable(typeof(SendBulkEmailResponse))]
[JsonSerializable(typeof(GetAccountResponse))]
[JsonSerializable(typeof(PutAccountSendingAttributesRequest))]
[JsonSerializable(typeof(CreateEmailTemplateRequest))]
[JsonSerializable(typeof(UpdateEmailTemplateRequest))]
[JsonSerializable(typeof(GetEmailTemplateResponse))]
[JsonSerializable(typeof(ListEmailTemplatesResponse))]
[JsonSerializable(typeof(TestRenderEmailTemplateRequest))]
[JsonSerializable(typeof(TestRenderEmailTemplateResponse))]
[JsonSerializable(typeof(GetDedicatedIpResponse))]
[JsonSerializable(typeof(GetDedicatedIpsResponse))]
[JsonSerializable(typeof(PutDedicatedIpWarmupAttributesRequest))]
[JsonSerializable(typeof(PutDedicatedIpInPoolRequest))]
[JsonSerializable(typeof(CreateDedicatedIpPoolRequest))]
[JsonSerializable(typeof(GetDedicatedIpPoolResponse))]
[JsonSerializable(typeof(ListDedicatedIpPoolsResponse))]
[JsonSerializable(typeof(PutDedicatedIpPoolScalingAttributesRequest))]
[JsonSerializable(typeof(PutSuppressedDestinationRequest))]
[JsonSerializable(typeof(GetSuppressedDestinationResponse))]
[JsonSerializable(typeof(ListSuppressedDestinationsResponse))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(CreateQueueRequest))]
[JsonSerializable(typeof(GetQueueUrlRequest))]
[JsonSerializable(typeof(QueueUrlResponse))]
[JsonSerializable(typeof(GetQueueAttributesRequest))]
[JsonSerializable(typeof(GetQueueAttributesResponse))]
[JsonSerializable(typeof(QueueRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(SendMessageBatchRequest))]
[JsonSerializable(typeof(SendMessageBatchResponse))]
[JsonSerializable(typeof(ReceiveMessageRequest))]
[JsonSerializable(typeof(ReceiveMessageResponse))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(ChangeMessageVisibilityRequest))]
[JsonSerializable(typeof(BatchHandleRequest))]
[JsonSerializable(typeof(BatchHandleResponse))]
[JsonSerializable(typeof(AccountUpdate))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(List<AccountView>))]
[JsonSerializable(typeof(List<AccountStatistics>))]
[JsonSerializable(typeof(List<SentMessage>))]
internal sealed partial class SandboxJson : JsonSerializerContext
{
    /// <summary>The instance to use: escapes only what JSON requires, as AWS does (no <c>\u0022</c> for quotes).</summary>
    public static SandboxJson Wire { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    });
}

/// <summary>The body of every error answer; SES clients read <c>message</c>, SQS clients <c>__type</c> too.</summary>
internal sealed record ErrorBody([property: JsonPropertyName("__type")] string Type, [property: JsonPropertyName("message")] string Message);
