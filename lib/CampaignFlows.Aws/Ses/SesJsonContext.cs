using System.Text.Json.Serialization;
using CampaignFlows.Aws.Http;
using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Ses;

/// <summary>Source-generated JSON for SES v2 bodies: member names as the model spells them, nulls left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(SendEmailRequest))]
[JsonSerializable(typeof(SendEmailResponse))]
[JsonSerializable(typeof(SendBulkEmailRequest))]
[JsonSerializable(typeof(SendBulkEmailResponse))]
[JsonSerializable(typeof(GetAccountResponse))]
[JsonSerializable(typeof(CreateEmailTemplateRequest))]
[JsonSerializable(typeof(GetEmailTemplateResponse))]
[JsonSerializable(typeof(UpdateEmailTemplateBody))]
[JsonSerializable(typeof(ListEmailTemplatesResponse))]
[JsonSerializable(typeof(GetDedicatedIpResponse))]
[JsonSerializable(typeof(GetDedicatedIpsResponse))]
[JsonSerializable(typeof(PutDedicatedIpWarmupAttributesBody))]
[JsonSerializable(typeof(CreateDedicatedIpPoolRequest))]
[JsonSerializable(typeof(GetDedicatedIpPoolResponse))]
[JsonSerializable(typeof(PutSuppressedDestinationRequest))]
[JsonSerializable(typeof(GetSuppressedDestinationResponse))]
[JsonSerializable(typeof(ListSuppressedDestinationsResponse))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class SesJsonContext : JsonSerializerContext;
