using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace CampaignFlows.Aws.Http;

/// <summary>Signs, sends and times out one call, and turns every failure into an <see cref="AwsServiceException"/>.</summary>
internal sealed class AwsTransport
{
    private readonly HttpClient _http;
    private readonly AwsAccountOptions _options;
    private readonly AwsService _service;
    private readonly CredentialSource _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _endpoint;

    public AwsTransport(HttpClient http, AwsAccountOptions options, AwsService service, TimeProvider time, ILogger logger)
    {
        options.Validate();
        _http = http;
        _options = options;
        _service = service;
        _credentials = CredentialSource.For(options);
        _time = time;
        _logger = logger;
        _endpoint = service.EndpointFor(options);
    }

    /// <summary>Sends the call and reads the answer as <typeparamref name="T"/>; an empty body reads as <c>{}</c>.</summary>
    /// <param name="call">The call.</param>
    /// <param name="responseType">How to read the answer.</param>
    /// <param name="validate">Returns what is wrong with a successfully read answer, or null when nothing is.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<T> SendAsync<T>(AwsCall call, JsonTypeInfo<T> responseType, Func<T, string?>? validate, CancellationToken cancellationToken)
    {
        var (status, requestId, body) = await ExchangeAsync(call, cancellationToken).ConfigureAwait(false);
        T response;
        try
        {
            response = JsonSerializer.Deserialize(body.Length == 0 ? "{}"u8 : body, responseType)
                ?? throw new JsonException("The response body is JSON null.");
        }
        catch (JsonException e)
        {
            throw Fail(call, AwsErrorKind.Transient, "MalformedResponse",
                $"{_service.Name} {call.Operation} answered HTTP {(int)status} with a body that is not the expected JSON: {e.Message}", status, requestId, e);
        }
        if (validate?.Invoke(response) is { } problem)
            throw Fail(call, AwsErrorKind.Transient, "MalformedResponse", $"{_service.Name} {call.Operation} answered HTTP {(int)status} but {problem}", status, requestId, null);
        return response;
    }

    private async Task<(HttpStatusCode Status, string? RequestId, byte[] Body)> ExchangeAsync(AwsCall call, CancellationToken cancellationToken)
    {
        using var request = await CreateSignedRequestAsync(call).ConfigureAwait(false);
        var timeout = _options.Timeout + call.ExtraTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            var requestId = RequestIdOf(response);
            if (response.IsSuccessStatusCode) return (response.StatusCode, requestId, body);
            var error = AwsErrorResponse.Parse(response, body);
            throw Fail(call, AwsErrorClassifier.Classify(error.Code, error.Message, response.StatusCode), error.Code, error.Message, response.StatusCode, requestId, null);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.CallTimedOut(_service.Name, call.Operation, _options.Name, timeout);
            throw new AwsServiceException(AwsErrorKind.Transient, "RequestTimeout",
                $"{_service.Name} {call.Operation} for account '{_options.Name}' got no answer within {timeout}.", null, null, e);
        }
        catch (HttpRequestException e)
        {
            _logger.ConnectionFailed(_service.Name, call.Operation, _options.Name, _endpoint, e);
            throw new AwsServiceException(AwsErrorKind.Transient, "ConnectionFailure",
                $"{_service.Name} {call.Operation} for account '{_options.Name}' could not complete the HTTP exchange with {_endpoint}: {e.Message}", null, null, e);
        }
    }

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(AwsCall call)
    {
        var request = new HttpRequestMessage(call.Method, new Uri(_endpoint, call.PathAndQuery));
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", _service.ContentType);
        }
        if (call.Target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", call.Target);
        var credentials = await _credentials.GetAsync().ConfigureAwait(false);
        var payloadHash = CanonicalRequest.HashPayload(call.Body ?? []);
        SigV4Signer.Sign(request, payloadHash, credentials, _options.Region, _service.SigningName, _time.GetUtcNow().UtcDateTime);
        return request;
    }

    private AwsServiceException Fail(AwsCall call, AwsErrorKind kind, string code, string message, HttpStatusCode status, string? requestId, Exception? inner)
    {
        _logger.CallFailed(_service.Name, call.Operation, _options.Name, code, kind, status, requestId);
        return new AwsServiceException(kind, code, message, status, requestId, inner);
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var ids) || response.Headers.TryGetValues("x-amz-request-id", out ids)
            ? ids.FirstOrDefault()
            : null;
}
