namespace CampaignFlows.Aws.Http;

/// <summary>One HTTP call of an AWS operation, before signing.</summary>
/// <param name="Operation">The API operation name, for errors and logs.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The escaped path and query, relative to the service endpoint.</param>
/// <param name="Body">The JSON body, or null for none.</param>
/// <param name="Target">The <c>X-Amz-Target</c> header of the JSON protocol, or null for REST-JSON.</param>
/// <param name="ExtraTimeout">Time added to the account's timeout, e.g. a long poll's wait.</param>
internal readonly record struct AwsCall(string Operation, HttpMethod Method, string PathAndQuery, byte[]? Body, string? Target, TimeSpan ExtraTimeout = default);
