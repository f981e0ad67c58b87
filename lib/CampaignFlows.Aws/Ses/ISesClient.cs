using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Ses;

/// <summary>The Amazon SES v2 operations CampaignFlows uses, for one account in one region.</summary>
/// <remarks>Every failure surfaces as an <see cref="AwsServiceException"/> whose <see cref="AwsServiceException.Kind"/>
/// says what to do; cancelling the token throws <see cref="OperationCanceledException"/>. Calls are thread-safe.</remarks>
public interface ISesClient
{
    /// <summary>The account these calls go to.</summary>
    AwsAccountOptions Account { get; }

    /// <summary>Sends one message (<c>POST /v2/email/outbound-emails</c>).</summary>
    Task<SendEmailResponse> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends one template to up to 50 destinations; read each entry's status in the answer
    /// (<c>POST /v2/email/outbound-bulk-emails</c>).</summary>
    Task<SendBulkEmailResponse> SendBulkEmailAsync(SendBulkEmailRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the account's quotas and standing (<c>GET /v2/email/account</c>).</summary>
    Task<GetAccountResponse> GetAccountAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a template (<c>POST /v2/email/templates</c>).</summary>
    Task CreateEmailTemplateAsync(CreateEmailTemplateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a template (<c>GET /v2/email/templates/{TemplateName}</c>).</summary>
    Task<GetEmailTemplateResponse> GetEmailTemplateAsync(GetEmailTemplateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces a template's content (<c>PUT /v2/email/templates/{TemplateName}</c>).</summary>
    Task UpdateEmailTemplateAsync(UpdateEmailTemplateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a template (<c>DELETE /v2/email/templates/{TemplateName}</c>).</summary>
    Task DeleteEmailTemplateAsync(DeleteEmailTemplateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists templates, one page per call (<c>GET /v2/email/templates</c>).</summary>
    Task<ListEmailTemplatesResponse> ListEmailTemplatesAsync(ListEmailTemplatesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one dedicated IP (<c>GET /v2/email/dedicated-ips/{IP}</c>).</summary>
    Task<GetDedicatedIpResponse> GetDedicatedIpAsync(GetDedicatedIpRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists dedicated IPs, one page per call (<c>GET /v2/email/dedicated-ips</c>).</summary>
    Task<GetDedicatedIpsResponse> GetDedicatedIpsAsync(GetDedicatedIpsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sets an IP's warm-up percentage (<c>PUT /v2/email/dedicated-ips/{IP}/warmup</c>).</summary>
    Task PutDedicatedIpWarmupAttributesAsync(PutDedicatedIpWarmupAttributesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a dedicated IP pool (<c>POST /v2/email/dedicated-ip-pools</c>).</summary>
    Task CreateDedicatedIpPoolAsync(CreateDedicatedIpPoolRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a dedicated IP pool (<c>GET /v2/email/dedicated-ip-pools/{PoolName}</c>).</summary>
    Task<GetDedicatedIpPoolResponse> GetDedicatedIpPoolAsync(GetDedicatedIpPoolRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds an address to the account's suppression list (<c>PUT /v2/email/suppression/addresses</c>).</summary>
    Task PutSuppressedDestinationAsync(PutSuppressedDestinationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a suppressed address (<c>GET /v2/email/suppression/addresses/{EmailAddress}</c>).</summary>
    Task<GetSuppressedDestinationResponse> GetSuppressedDestinationAsync(GetSuppressedDestinationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes an address from the suppression list (<c>DELETE /v2/email/suppression/addresses/{EmailAddress}</c>).</summary>
    Task DeleteSuppressedDestinationAsync(DeleteSuppressedDestinationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists suppressed addresses, one page per call (<c>GET /v2/email/suppression/addresses</c>).</summary>
    Task<ListSuppressedDestinationsResponse> ListSuppressedDestinationsAsync(ListSuppressedDestinationsRequest request, CancellationToken cancellationToken = default);
}
