namespace CampaignFlows.Domain;

/// <summary>The outcome of rendering a template for one recipient.</summary>
/// <param name="Message">The rendered message; null when it must not be sent.</param>
/// <param name="MissingVariables">Variables the recipient's data lacks (absent or blank), in template order.</param>
/// <param name="Error">Why the message must not be sent, when it must not.</param>
public sealed record RenderResult(RenderedMessage? Message, IReadOnlyList<string> MissingVariables, string? Error)
{
    /// <summary>Whether the message may be sent.</summary>
    public bool IsSuccess => Message is not null;
}
