using System.Collections.Immutable;

namespace CampaignFlows.Domain;

/// <summary>A running count of an audience's good and bad rows, keeping only the first errors.</summary>
/// <remarks>Immutable and small whatever the audience's size, so a chunked load can carry it between chunks.</remarks>
/// <param name="MaxErrorsKept">How many errors to keep for the report.</param>
public sealed record AudienceTally(int MaxErrorsKept = AudienceTally.DefaultMaxErrorsKept)
{
    /// <summary>Errors kept by default.</summary>
    public const int DefaultMaxErrorsKept = 20;

    /// <summary>Rows that gave a recipient.</summary>
    public long ValidRows { get; init; }

    /// <summary>Rows refused.</summary>
    public long InvalidRows { get; init; }

    /// <summary>The first refused rows, in file order.</summary>
    public ImmutableList<AudienceRow> FirstErrors { get; init; } = [];

    /// <summary>Counts one more row.</summary>
    /// <param name="row">The row read.</param>
    public AudienceTally Add(AudienceRow row) => row.IsValid
        ? this with { ValidRows = ValidRows + 1 }
        : this with
        {
            InvalidRows = InvalidRows + 1,
            FirstErrors = FirstErrors.Count < MaxErrorsKept ? FirstErrors.Add(row) : FirstErrors,
        };
}
