namespace CampaignFlows.Sandbox.Ses;

// Timestamps are epoch seconds: the REST-JSON protocol's default timestamp format.

internal sealed record SendEmailResponse(string MessageId);

internal sealed record BulkEmailEntryResult(string Status, string? Error, string? MessageId);

internal sealed record SendBulkEmailResponse(List<BulkEmailEntryResult> BulkEmailEntryResults);

internal sealed record SendQuota(double Max24HourSend, double MaxSendRate, double SentLast24Hours);

internal sealed record SuppressionAttributes(List<string> SuppressedReasons);

internal sealed record GetAccountResponse(
    bool DedicatedIpAutoWarmupEnabled,
    string EnforcementStatus,
    bool ProductionAccessEnabled,
    SendQuota SendQuota,
    bool SendingEnabled,
    SuppressionAttributes SuppressionAttributes);

internal sealed record GetEmailTemplateResponse(string TemplateName, EmailTemplateContent TemplateContent);

internal sealed record EmailTemplateMetadata(string TemplateName, double CreatedTimestamp);

internal sealed record ListEmailTemplatesResponse(List<EmailTemplateMetadata> TemplatesMetadata, string? NextToken);

internal sealed record TestRenderEmailTemplateResponse(string RenderedTemplate);

internal sealed record DedicatedIp(string Ip, string WarmupStatus, int WarmupPercentage, string? PoolName);

internal sealed record GetDedicatedIpResponse(DedicatedIp DedicatedIp);

internal sealed record GetDedicatedIpsResponse(List<DedicatedIp> DedicatedIps, string? NextToken);

internal sealed record DedicatedIpPool(string PoolName, string ScalingMode);

internal sealed record GetDedicatedIpPoolResponse(DedicatedIpPool DedicatedIpPool);

internal sealed record ListDedicatedIpPoolsResponse(List<string> DedicatedIpPools, string? NextToken);

internal sealed record SuppressedDestination(string EmailAddress, string Reason, double LastUpdateTime);

internal sealed record GetSuppressedDestinationResponse(SuppressedDestination SuppressedDestination);

internal sealed record SuppressedDestinationSummary(string EmailAddress, string Reason, double LastUpdateTime);

internal sealed record ListSuppressedDestinationsResponse(List<SuppressedDestinationSummary> SuppressedDestinationSummaries, string? NextToken);

internal sealed record EmptyResponse;
