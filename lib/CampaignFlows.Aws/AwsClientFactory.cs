using System.Collections.Concurrent;
using CampaignFlows.Aws.Ses;
using CampaignFlows.Aws.Sqs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignFlows.Aws;

/// <summary>Creates clients over the named <see cref="HttpClientName"/> client of <see cref="IHttpClientFactory"/>, one per account.</summary>
/// <remarks>Clients are cached by their (record-equal) options so credential resolution and JSON metadata are set up once.</remarks>
public sealed class AwsClientFactory : IAwsClientFactory
{
    /// <summary>The name of the <see cref="HttpClient"/> the clients use; configure its handler through it.</summary>
    public const string HttpClientName = "CampaignFlows.Aws";

    // The largest answer we use is a ReceiveMessage of 10 messages of 256 KiB; anything far beyond that is a broken
    // endpoint, and failing it as transient beats buffering it.
    private const long MaxResponseBytes = 32L * 1024 * 1024;

    private readonly IHttpClientFactory _httpClients;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<AwsAccountOptions, ISesClient> _ses = new();
    private readonly ConcurrentDictionary<AwsAccountOptions, ISqsClient> _sqs = new();

    /// <summary>Creates the factory.</summary>
    public AwsClientFactory(IHttpClientFactory httpClients, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        _httpClients = httpClients;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ISesClient CreateSes(AwsAccountOptions account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.Validate();
        return _ses.GetOrAdd(account, a => new SesV2Client(CreateHttpClient(), a, _time, _loggers.CreateLogger<SesV2Client>()));
    }

    /// <inheritdoc />
    public ISqsClient CreateSqs(AwsAccountOptions account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.Validate();
        return _sqs.GetOrAdd(account, a => new SqsClient(CreateHttpClient(), a, _time, _loggers.CreateLogger<SqsClient>()));
    }

    private HttpClient CreateHttpClient()
    {
        var http = _httpClients.CreateClient(HttpClientName);
        // Each call carries its own deadline (the account's timeout plus any long-poll wait), so HttpClient's must not cut in first.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.MaxResponseContentBufferSize = MaxResponseBytes;
        return http;
    }
}
