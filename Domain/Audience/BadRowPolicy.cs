namespace CampaignFlows.Domain;

/// <summary>What to do with an audience that has bad rows: refuse it (the default) or send to the good rows.</summary>
/// <remarks>
/// Refusing is the default because a file with bad rows is often a file with shifted columns, and mailing
/// the wrong people cannot be undone. Either way an audience without a single valid row is refused. The
/// verdict lists the first <see cref="AudienceTally.MaxErrorsKept"/> errors with their line numbers.
/// </remarks>
/// <param name="SkipBadRows">True to send to the valid rows and report the rest.</param>
/// <param name="MaxErrorsReported">How many errors the verdict lists.</param>
public sealed record BadRowPolicy(bool SkipBadRows = false, int MaxErrorsReported = AudienceTally.DefaultMaxErrorsKept)
{
    /// <summary>Refuse audiences with bad rows.</summary>
    public static BadRowPolicy Refuse { get; } = new();

    /// <summary>Send to the good rows, report the bad.</summary>
    public static BadRowPolicy Skip { get; } = new(SkipBadRows: true);

    /// <summary>An empty tally that keeps as many errors as this policy reports.</summary>
    public AudienceTally NewTally() => new(MaxErrorsReported);

    /// <summary>Reads every row (lazily, keeping nothing but the tally) and judges the audience.</summary>
    /// <param name="rows">The audience's rows.</param>
    public AudienceVerdict Check(IEnumerable<AudienceRow> rows) => Judge(rows.Aggregate(NewTally(), (tally, row) => tally.Add(row)));

    /// <summary>The valid recipients when bad rows are skipped; refuses at the first bad row otherwise.</summary>
    /// <param name="rows">The audience's rows.</param>
    /// <exception cref="DomainValidationException">A bad row while refusing; check the audience first to report them all.</exception>
    public IEnumerable<AudienceRecipient> Recipients(IEnumerable<AudienceRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.Recipient is { } recipient)
            {
                yield return recipient;
            }
            else if (!SkipBadRows)
            {
                throw new DomainValidationException("audience", $"line {row.Line}: {row.Error}");
            }
        }
    }

    /// <summary>Judges a finished tally.</summary>
    /// <param name="tally">The counts of the whole audience.</param>
    public AudienceVerdict Judge(AudienceTally tally)
    {
        var errors = tally.FirstErrors.Take(MaxErrorsReported).Select(r => $"line {r.Line}: {r.Error}").ToArray();
        var (accepted, reason) = (tally.ValidRows, tally.InvalidRows) switch
        {
            (0, 0) => (false, "The audience has no recipients."),
            (0, var bad) => (false, $"The audience has no valid recipients: all {bad:N0} rows were refused."),
            (var good, 0) => (true, $"All {good:N0} rows are valid."),
            (var good, var bad) when SkipBadRows => (true, $"Sending to {good:N0} valid rows; {bad:N0} bad rows skipped."),
            (_, var bad) => (false, $"The audience was refused: {bad:N0} rows are invalid. Fix them, or ask to skip bad rows."),
        };
        return new AudienceVerdict(accepted, reason, tally.ValidRows, tally.InvalidRows, errors);
    }
}
