using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace CampaignFlows.Aws.Http;

/// <summary>Where one account's signing keys come from: the options, or AWSSDK.Core's default chain.</summary>
internal sealed class CredentialSource
{
    private readonly string _accountName;
    private readonly ImmutableCredentials? _fixed;
    private AWSCredentials? _chain;

    private CredentialSource(string accountName, ImmutableCredentials? fixedCredentials)
    {
        _accountName = accountName;
        _fixed = fixedCredentials;
    }

    /// <summary>Explicit keys when the options carry them, otherwise the default chain on first use.</summary>
    public static CredentialSource For(AwsAccountOptions options) =>
        string.IsNullOrEmpty(options.AccessKeyId)
            ? new CredentialSource(options.Name, null)
            : new CredentialSource(options.Name, new ImmutableCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken));

    /// <summary>The keys to sign the next request with; chain credentials refresh themselves before they expire.</summary>
    public async ValueTask<ImmutableCredentials> GetAsync()
    {
        if (_fixed is not null) return _fixed;
        try
        {
            // Resolving twice in a race is harmless; a failed resolution is retried on the next call, not cached.
            _chain ??= ResolveChain();
            return await _chain.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw NoCredentials(e);
        }
    }

    private static AWSCredentials ResolveChain() => new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(clientConfig: null);

    private InvalidOperationException NoCredentials(Exception inner) => new(
        $"No AWS credentials for account '{_accountName}': set AccessKeyId and SecretAccessKey in its options, or provide them " +
        "through the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), a shared profile or an instance/container role.", inner);
}
