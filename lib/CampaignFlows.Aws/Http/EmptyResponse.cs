namespace CampaignFlows.Aws.Http;

/// <summary>The answer of an operation whose output has no members; reading it still proves the body is JSON.</summary>
internal sealed record EmptyResponse;
