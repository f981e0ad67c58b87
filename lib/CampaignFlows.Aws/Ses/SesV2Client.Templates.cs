using CampaignFlows.Aws.Http;
using CampaignFlows.Aws.Ses.Model;

namespace CampaignFlows.Aws.Ses;

public sealed partial class SesV2Client
{
    /// <inheritdoc />
    public Task CreateEmailTemplateAsync(CreateEmailTemplateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Segment(request.TemplateName, nameof(request.TemplateName));
        return Send("CreateEmailTemplate", HttpMethod.Post, "/v2/email/templates", request, Json.CreateEmailTemplateRequest, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetEmailTemplateResponse> GetEmailTemplateAsync(GetEmailTemplateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Get("GetEmailTemplate", $"/v2/email/templates/{Segment(request.TemplateName, nameof(request.TemplateName))}", Json.GetEmailTemplateResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateEmailTemplateAsync(UpdateEmailTemplateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send("UpdateEmailTemplate", HttpMethod.Put, $"/v2/email/templates/{Segment(request.TemplateName, nameof(request.TemplateName))}",
            new UpdateEmailTemplateBody(request.TemplateContent), Json.UpdateEmailTemplateBody, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteEmailTemplateAsync(DeleteEmailTemplateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send("DeleteEmailTemplate", HttpMethod.Delete, $"/v2/email/templates/{Segment(request.TemplateName, nameof(request.TemplateName))}", cancellationToken);
    }

    /// <inheritdoc />
    public Task<ListEmailTemplatesResponse> ListEmailTemplatesAsync(ListEmailTemplatesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryString().Add("NextToken", request.NextToken).Add("PageSize", request.PageSize);
        return Get("ListEmailTemplates", $"/v2/email/templates{query}", Json.ListEmailTemplatesResponse, cancellationToken);
    }
}
