namespace CampaignFlows.Blobs;

/// <summary>How a read link behaves: when it expires and which response headers it forces.</summary>
public sealed record BlobLinkOptions
{
    /// <summary>The default lifetime of a link: seven days, as attachments in mail are kept.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    /// <summary>How long the link works from the moment it is created; ignored when <see cref="ExpiresOn"/> is set.</summary>
    public TimeSpan Lifetime { get; init; } = DefaultLifetime;

    /// <summary>An absolute expiry; overrides <see cref="Lifetime"/>.</summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>A Content-Disposition the download answers with, e.g. <c>attachment; filename="invoice.pdf"</c>.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>A Content-Type the download answers with instead of the stored one.</summary>
    public string? ContentType { get; init; }

    /// <summary>Works out the expiry and checks the overrides.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The expiry, truncated to whole seconds as links carry it.</returns>
    /// <exception cref="ArgumentException">The lifetime is not positive or an override holds a line break.</exception>
    internal DateTimeOffset ResolveExpiry(DateTimeOffset now)
    {
        if (ExpiresOn is null && Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException($"A link lifetime must be positive, not {Lifetime}.", nameof(Lifetime));
        }

        RejectLineBreaks(ContentDisposition, nameof(ContentDisposition));
        RejectLineBreaks(ContentType, nameof(ContentType));
        var expiry = (ExpiresOn ?? now + Lifetime).ToUniversalTime();
        return new DateTimeOffset(expiry.Ticks - (expiry.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static void RejectLineBreaks(string? value, string name)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"{name} must not contain CR or LF: it becomes a response header.", name);
        }
    }
}
