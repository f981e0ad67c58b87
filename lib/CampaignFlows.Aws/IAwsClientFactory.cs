using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Sqs;

namespace CampaignFlows.Aws;

/// <summary>Hands out SES and SQS clients per account, because the app talks to several accounts and regions.</summary>
public interface IAwsClientFactory
{
    /// <summary>The SES v2 client of an account; the same options return the same client.</summary>
    /// <exception cref="ArgumentException">The options cannot work; the message names the setting.</exception>
    ISesClient CreateSes(AwsAccountOptions account);

    /// <summary>The SQS client of an account; the same options return the same client.</summary>
    /// <exception cref="ArgumentException">The options cannot work; the message names the setting.</exception>
    ISqsClient CreateSqs(AwsAccountOptions account);
}
