namespace CampaignFlows.Aws.Http;

/// <summary>What differs between the services on the wire.</summary>
/// <param name="Name">A display name for errors and logs.</param>
/// <param name="SigningName">The SigV4 service name.</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint.</param>
/// <param name="ContentType">The content type of request bodies.</param>
internal sealed record AwsService(string Name, string SigningName, string EndpointPrefix, string ContentType)
{
    /// <summary>SES v2, REST-JSON; the model's endpoint prefix is <c>email</c>, its signing name <c>ses</c>.</summary>
    public static readonly AwsService SesV2 = new("SESv2", "ses", "email", "application/json");

    /// <summary>SQS, AWS JSON 1.0.</summary>
    public static readonly AwsService Sqs = new("SQS", "sqs", "sqs", "application/x-amz-json-1.0");

    /// <summary>The endpoint for an account: its ServiceUrl, or the service's regional AWS endpoint.</summary>
    public Uri EndpointFor(AwsAccountOptions options) =>
        options.ServiceUrl ?? new Uri($"https://{EndpointPrefix}.{options.Region}.amazonaws.com/");
}
