using CampaignFlows.Attachments;
using CampaignFlows.Functions;

namespace CampaignFlows.Triggers;

/// <summary>Attachment uploads: campaign mails carry expiring links to them, not the files.</summary>
public sealed class AttachmentsHttp(AttachmentStore attachments)
{
    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    private const long MultipartOverhead = 64 * 1024;

    /// <summary>
    /// <c>POST /api/attachments</c> (multipart/form-data, one file): 201 with <c>{id, url, expiresAt}</c>; 413 over the size
    /// limit, 415 for another content type, 400 without exactly one file.
    /// </summary>
    [Function(nameof(UploadAttachment))]
    public async Task<IResult> UploadAttachment([HttpTrigger(AuthorizationLevel.Function, "post", Route = "attachments")] HttpRequest req,
        CancellationToken cancellation)
    {
        if (!req.HasFormContentType || !(req.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: $"Upload the file as multipart/form-data, not '{req.ContentType ?? "(none)"}'.");
        if (req.ContentLength > attachments.MaxBytes + MultipartOverhead) return TooLarge(req.ContentLength.Value);

        var form = await req.ReadFormAsync(cancellation);
        if (form.Files.Count != 1)
            return TypedResults.Problem(statusCode: 400, title: "Invalid upload", detail: $"Send exactly one file part; this request has {form.Files.Count}.");
        var file = form.Files[0];
        if (file.Length == 0) return TypedResults.Problem(statusCode: 400, title: "Invalid upload", detail: $"The file '{file.FileName}' is empty.");
        if (file.Length > attachments.MaxBytes) return TooLarge(file.Length);

        await using var content = file.OpenReadStream();
        var contentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
        var link = await attachments.SaveAsync(content, file.FileName, contentType, cancellation);
        return TypedResults.Created(link.Url, new { id = link.Id, url = link.Url, expiresAt = link.ExpiresAt, fileName = link.FileName, contentType = link.ContentType, size = link.Size });
    }

    private IResult TooLarge(long size) => TypedResults.Problem(statusCode: 413, title: "Attachment too large",
        detail: $"The upload is {size} bytes; attachments may be at most {attachments.MaxBytes} bytes.");
}
