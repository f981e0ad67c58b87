using System.Globalization;
using System.Text;
using CampaignFlows.Blobs;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace CampaignFlows.Campaigns;

/// <summary>Where audience CSV files live: a blob container, so an audience is never held in a history or in memory.</summary>
public sealed class AudienceStore(IBlobStore blobs, IOptions<MailOptions> mail)
{
    private string Container => mail.Value.AudienceContainer;

    /// <summary>Stores an audience CSV under <paramref name="blobName"/>, replacing one of the same name.</summary>
    public async Task SaveAsync(string blobName, Stream csv, CancellationToken cancellation)
    {
        await blobs.CreateContainerAsync(Container, cancellation).ConfigureAwait(false);
        await blobs.UploadAsync(Container, blobName, csv, "text/csv", cancellation).ConfigureAwait(false);
    }

    /// <summary>Writes an inline audience as CSV (email, name, engagement_score, then the union of data keys) and stores it.</summary>
    public async Task SaveInlineAsync(string blobName, IReadOnlyList<InlineRecipient> recipients, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            WriteCsv(writer, recipients);
        }
        buffer.Position = 0;
        await SaveAsync(blobName, buffer, cancellation).ConfigureAwait(false);
    }

    /// <summary>Opens a stored audience for reading.</summary>
    /// <exception cref="FileNotFoundException">No audience is stored under that name.</exception>
    public async Task<TextReader> OpenAsync(string blobName, CancellationToken cancellation)
    {
        var download = await blobs.DownloadAsync(Container, blobName, cancellation).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"No audience named '{blobName}' is stored in container '{Container}'.");
        return new DownloadReader(download);
    }

    /// <summary>True when an audience is stored under that name.</summary>
    public async Task<bool> ExistsAsync(string blobName, CancellationToken cancellation) =>
        await blobs.GetPropertiesAsync(Container, blobName, cancellation).ConfigureAwait(false) is not null;

    /// <summary>Writes recipients as an audience CSV.</summary>
    public static void WriteCsv(TextWriter writer, IReadOnlyList<InlineRecipient> recipients)
    {
        var keys = recipients.SelectMany(r => r.Data?.Keys ?? Enumerable.Empty<string>())
            .Where(k => !IsReserved(k)).Distinct(StringComparer.Ordinal).ToArray();
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "email", "name", "engagement_score" }.Concat(keys)) csv.WriteField(header);
        csv.NextRecord();
        foreach (var recipient in recipients)
        {
            csv.WriteField(recipient.Email);
            csv.WriteField(recipient.Name ?? "");
            csv.WriteField(recipient.EngagementScore?.ToString(CultureInfo.InvariantCulture) ?? "");
            foreach (var key in keys) csv.WriteField(recipient.Data?.GetValueOrDefault(key) ?? "");
            csv.NextRecord();
        }
    }

    private static bool IsReserved(string key) => key is "email" or "name" or "engagement_score";

    private sealed class DownloadReader(BlobDownload download) : StreamReader(download.Content, Encoding.UTF8)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) download.Dispose();
        }
    }
}

/// <summary>One recipient of an inline audience.</summary>
/// <param name="Email">The address.</param>
/// <param name="Name">The name, if any.</param>
/// <param name="EngagementScore">0 to 100, if known.</param>
/// <param name="Data">Template data.</param>
public sealed record InlineRecipient(string Email, string? Name = null, int? EngagementScore = null, IReadOnlyDictionary<string, string>? Data = null);
