namespace CampaignFlows.Attachments;

/// <summary>Registers attachment storage and links over the app's blob store.</summary>
public static class AttachmentServiceCollectionExtensions
{
    /// <summary>Adds <see cref="AttachmentStore"/> and <see cref="IAttachmentLinks"/>; the blob store itself comes from <c>AddCampaigns</c>.</summary>
    public static WebApplicationBuilder AddAttachments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).Validate(o => { o.Validate(); return true; });
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddSingleton<IAttachmentLinks>(services => services.GetRequiredService<AttachmentStore>());
        return builder;
    }
}
