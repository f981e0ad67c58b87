using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Ses;

// The body members of requests that also carry a path member: the public records keep the model's shape, and these
// hold only what goes in the JSON body, because a required member cannot be left out of serialization.

/// <summary>The JSON body of <c>UpdateEmailTemplate</c>.</summary>
internal sealed record UpdateEmailTemplateBody(EmailTemplateContent TemplateContent);

/// <summary>The JSON body of <c>PutDedicatedIpWarmupAttributes</c>.</summary>
internal sealed record PutDedicatedIpWarmupAttributesBody(int WarmupPercentage);
