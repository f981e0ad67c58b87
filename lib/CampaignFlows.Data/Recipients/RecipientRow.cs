namespace CampaignFlows.Data.Recipients;

/// <summary>One audience row to load into a campaign.</summary>
/// <param name="Address">The address as given, used when sending.</param>
/// <param name="NormalizedAddress">The key that collapses duplicates (e.g. trimmed, lower-cased).</param>
/// <param name="Name">The display name, if any.</param>
/// <param name="Engagement">The engagement score used by warm-up tiers (0–100 by convention).</param>
/// <param name="TemplateData">Per-recipient template data as a JSON object, if any.</param>
/// <param name="Domain">The address's domain, for the per-ISP breakdown.</param>
/// <param name="RejectReason">When set, the row is stored as <see cref="RecipientStatus.Rejected"/> with this reason and never sent.</param>
public sealed record RecipientRow(
    string Address,
    string NormalizedAddress,
    string? Name,
    double Engagement,
    string? TemplateData,
    string Domain,
    string? RejectReason = null);

/// <summary>What loading one chunk did.</summary>
/// <param name="Inserted">Rows new to the campaign (including rejected ones).</param>
/// <param name="Duplicates">Rows whose normalised address the campaign already had, or that repeated within the chunk.</param>
/// <param name="Rejected">Inserted rows stored as rejected.</param>
public sealed record AddChunkResult(int Inserted, int Duplicates, int Rejected);
