namespace CampaignFlows.Aws;

/// <summary>One AWS account in one region, as the app talks to it; the app may hold several.</summary>
/// <remarks>
/// Leave <see cref="AccessKeyId"/> and <see cref="SecretAccessKey"/> empty to use AWSSDK.Core's default credential
/// chain (environment, shared profile, container or instance role). Set <see cref="ServiceUrl"/> to reach the local
/// sandbox or any other endpoint that speaks SES v2 and SQS.
/// </remarks>
public sealed record AwsAccountOptions
{
    /// <summary>A name for logs and errors, e.g. <c>primary</c> or <c>backup-eu</c>.</summary>
    public string Name { get; init; } = "default";

    /// <summary>The AWS region, e.g. <c>us-east-1</c>; also the region of the SigV4 credential scope.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>An endpoint that replaces the regional AWS endpoints for both services, e.g. <c>http://127.0.0.1:4566</c>.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>An explicit access key id; with <see cref="SecretAccessKey"/> it bypasses the default chain.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The secret that goes with <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>The session token of temporary credentials, if any.</summary>
    public string? SessionToken { get; init; }

    /// <summary>How long one HTTP request may take before it fails as transient; long polls add their wait time.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new ArgumentException("AwsAccountOptions.Name must not be empty.", nameof(Name));
        if (string.IsNullOrWhiteSpace(Region) || Region.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            throw new ArgumentException($"AwsAccountOptions.Region '{Region}' of account '{Name}' is not a region name such as 'us-east-1'.", nameof(Region));
        if (ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            throw new ArgumentException($"AwsAccountOptions.ServiceUrl '{url}' of account '{Name}' must be an absolute http or https URL.", nameof(ServiceUrl));
        if (string.IsNullOrEmpty(AccessKeyId) != string.IsNullOrEmpty(SecretAccessKey))
            throw new ArgumentException($"Account '{Name}' sets only one of AccessKeyId and SecretAccessKey; set both or neither.", nameof(AccessKeyId));
        if (!string.IsNullOrEmpty(SessionToken) && string.IsNullOrEmpty(AccessKeyId))
            throw new ArgumentException($"Account '{Name}' sets SessionToken without AccessKeyId and SecretAccessKey.", nameof(SessionToken));
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentException($"AwsAccountOptions.Timeout of account '{Name}' must be positive, not {Timeout}.", nameof(Timeout));
    }
}
