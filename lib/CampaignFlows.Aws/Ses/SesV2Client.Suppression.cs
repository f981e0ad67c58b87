using CampaignFlows.Aws.Http;
using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Ses;

public sealed partial class SesV2Client
{
    private const string SuppressionPath = "/v2/email/suppression/addresses";

    /// <inheritdoc />
    public Task PutSuppressedDestinationAsync(PutSuppressedDestinationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Segment(request.EmailAddress, nameof(request.EmailAddress));
        if (request.Reason is not (SuppressionListReason.Bounce or SuppressionListReason.Complaint))
            throw new ArgumentException($"Reason must be BOUNCE or COMPLAINT, not '{request.Reason}'.", nameof(request));
        return Send("PutSuppressedDestination", HttpMethod.Put, SuppressionPath, request, Json.PutSuppressedDestinationRequest, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetSuppressedDestinationResponse> GetSuppressedDestinationAsync(GetSuppressedDestinationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Get("GetSuppressedDestination", $"{SuppressionPath}/{Segment(request.EmailAddress, nameof(request.EmailAddress))}",
            Json.GetSuppressedDestinationResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteSuppressedDestinationAsync(DeleteSuppressedDestinationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send("DeleteSuppressedDestination", HttpMethod.Delete, $"{SuppressionPath}/{Segment(request.EmailAddress, nameof(request.EmailAddress))}", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ListSuppressedDestinationsResponse> ListSuppressedDestinationsAsync(ListSuppressedDestinationsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryString().Add("Reason", request.Reasons).Add("StartDate", request.StartDate).Add("EndDate", request.EndDate)
            .Add("NextToken", request.NextToken).Add("PageSize", request.PageSize);
        return Get("ListSuppressedDestinations", $"{SuppressionPath}{query}", Json.ListSuppressedDestinationsResponse, cancellationToken);
    }
}
