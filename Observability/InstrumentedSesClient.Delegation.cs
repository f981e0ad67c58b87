using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Observability;

/// <summary>The operations that are not sends pass straight through: they are counted by the HTTP client's own telemetry.</summary>
public sealed partial class InstrumentedSesClient
{
    /// <inheritdoc/>
    public Task<GetAccountResponse> GetAccountAsync(CancellationToken cancellationToken = default) => inner.GetAccountAsync(cancellationToken);

    /// <inheritdoc/>
    public Task CreateEmailTemplateAsync(CreateEmailTemplateRequest request, CancellationToken cancellationToken = default) =>
        inner.CreateEmailTemplateAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<GetEmailTemplateResponse> GetEmailTemplateAsync(GetEmailTemplateRequest request, CancellationToken cancellationToken = default) =>
        inner.GetEmailTemplateAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task UpdateEmailTemplateAsync(UpdateEmailTemplateRequest request, CancellationToken cancellationToken = default) =>
        inner.UpdateEmailTemplateAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task DeleteEmailTemplateAsync(DeleteEmailTemplateRequest request, CancellationToken cancellationToken = default) =>
        inner.DeleteEmailTemplateAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<ListEmailTemplatesResponse> ListEmailTemplatesAsync(ListEmailTemplatesRequest request, CancellationToken cancellationToken = default) =>
        inner.ListEmailTemplatesAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<GetDedicatedIpResponse> GetDedicatedIpAsync(GetDedicatedIpRequest request, CancellationToken cancellationToken = default) =>
        inner.GetDedicatedIpAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<GetDedicatedIpsResponse> GetDedicatedIpsAsync(GetDedicatedIpsRequest request, CancellationToken cancellationToken = default) =>
        inner.GetDedicatedIpsAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task PutDedicatedIpWarmupAttributesAsync(PutDedicatedIpWarmupAttributesRequest request, CancellationToken cancellationToken = default) =>
        inner.PutDedicatedIpWarmupAttributesAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task CreateDedicatedIpPoolAsync(CreateDedicatedIpPoolRequest request, CancellationToken cancellationToken = default) =>
        inner.CreateDedicatedIpPoolAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<GetDedicatedIpPoolResponse> GetDedicatedIpPoolAsync(GetDedicatedIpPoolRequest request, CancellationToken cancellationToken = default) =>
        inner.GetDedicatedIpPoolAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task PutSuppressedDestinationAsync(PutSuppressedDestinationRequest request, CancellationToken cancellationToken = default) =>
        inner.PutSuppressedDestinationAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<GetSuppressedDestinationResponse> GetSuppressedDestinationAsync(GetSuppressedDestinationRequest request,
        CancellationToken cancellationToken = default) => inner.GetSuppressedDestinationAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task DeleteSuppressedDestinationAsync(DeleteSuppressedDestinationRequest request, CancellationToken cancellationToken = default) =>
        inner.DeleteSuppressedDestinationAsync(request, cancellationToken);

    /// <inheritdoc/>
    public Task<ListSuppressedDestinationsResponse> ListSuppressedDestinationsAsync(ListSuppressedDestinationsRequest request,
        CancellationToken cancellationToken = default) => inner.ListSuppressedDestinationsAsync(request, cancellationToken);
}
