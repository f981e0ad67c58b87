using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CampaignFlows.Domain;

/// <summary>Streams an audience CSV into recipients and per-row errors, one row at a time.</summary>
/// <remarks>
/// <para>
/// The first line is the header: an address column (email, email_address or address) is required; name and
/// engagement_score (or engagement, score) are optional; every other column becomes template data. Each
/// following row yields an <see cref="AudienceRow"/> with the 1-based line it starts on, so rows spanning
/// several lines through quoted line breaks are reported where they begin; blank lines are skipped.
/// </para>
/// <para>
/// A row is refused when its quoting is malformed, its field count differs from the header's, its address is
/// refused by <see cref="EmailAddress"/> or its score is not a whole number from 0 to 100 (an empty score is
/// allowed and means unknown). Nothing is de-duplicated here: the file is never held whole, so duplicates
/// collapse where recipients are stored. A missing or broken header, an empty file, or a row longer than the
/// record limit stops the read with a <see cref="DomainValidationException"/>. The reader is not closed.
/// </para>
/// </remarks>
public static class AudienceCsvReader
{
    /// <summary>The longest row accepted, in characters.</summary>
    public const int DefaultMaxRecordLength = 1_048_576;

    /// <summary>Reads the audience lazily.</summary>
    /// <param name="reader">The CSV text; read forward once.</param>
    /// <param name="maxRecordLength">The longest row accepted, in characters.</param>
    /// <exception cref="DomainValidationException">Thrown while enumerating: an unusable header or an oversize row.</exception>
    public static IEnumerable<AudienceRow> Read(TextReader reader, int maxRecordLength = DefaultMaxRecordLength)
    {
        string? badField = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badField ??= args.Field,
        };
        using var parser = new CsvParser(new RecordSizeGuard(reader, maxRecordLength), config, leaveOpen: true);
        if (!parser.Read())
        {
            throw new DomainValidationException("audience", "the file is empty; it needs a header line with an email column.");
        }

        var columns = AudienceColumns.FromHeader(parser.Record ?? []);
        var (previousRow, previousEnd) = (parser.Row, (long)parser.RawRow);
        while (parser.Read())
        {
            badField = null;
            var fields = parser.Record ?? [];
            var line = previousEnd + 1 + (parser.Row - previousRow - 1);
            (previousRow, previousEnd) = (parser.Row, parser.RawRow);
            yield return badField is not null
                ? new AudienceRow(line, null, "has malformed quoting: a quote inside an unquoted field or a quoted field left open.")
                : ToRow(line, fields, columns);
        }
    }

    private static AudienceRow ToRow(long line, string[] fields, AudienceColumns columns)
    {
        if (fields.Length != columns.Headers.Length)
        {
            return new AudienceRow(line, null, $"has {fields.Length} fields; the header has {columns.Headers.Length}.");
        }

        if (!EmailAddress.TryParse(fields[columns.Email], out var email, out var addressError))
        {
            return new AudienceRow(line, null, $"address {addressError}");
        }

        int? score = null;
        if (columns.Score >= 0 && fields[columns.Score].Trim() is { Length: > 0 } rawScore)
        {
            if (!int.TryParse(rawScore, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed is < 0 or > 100)
            {
                return new AudienceRow(line, null, $"engagement score '{rawScore}' is not a whole number from 0 to 100.");
            }

            score = parsed;
        }

        var data = new Dictionary<string, string>(columns.Headers.Length, StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            if (i != columns.Email && i != columns.Score)
            {
                data[columns.Headers[i]] = fields[i];
            }
        }

        var name = columns.Name >= 0 && fields[columns.Name].Trim() is { Length: > 0 } n ? n : null;
        return new AudienceRow(line, new AudienceRecipient(email, name, score, data), null);
    }
}
