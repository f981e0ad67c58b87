using System.Text;
using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Audience;

public sealed class AudienceCsvReaderTests
{
    private static AudienceRow[] Read(string csv) => AudienceCsvReader.Read(new StringReader(csv)).ToArray();

    [Fact]
    public void Read_ValidRows_YieldsRecipientsWithDataAndScore()
    {
        var rows = Read("email,name,engagement_score,product\r\nAlice@Example.com,Alice,85,Shoes\r\nbob@example.com,,,Hats\r\n");

        Assert.All(rows, r => Assert.True(r.IsValid));
        var alice = rows[0].Recipient!;
        Assert.Equal("alice@example.com", alice.Email.Value);
        Assert.Equal("Alice", alice.Name);
        Assert.Equal(85, alice.EngagementScore);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "Alice", ["product"] = "Shoes" }, alice.Data);
        Assert.Null(rows[1].Recipient!.Name);
        Assert.Null(rows[1].Recipient!.EngagementScore);
        Assert.Equal([2L, 3], rows.Select(r => r.Line));
    }

    [Fact]
    public void Read_HeaderAliasesAnyCase_AreRecognised()
    {
        var row = Read("Address,SCORE,Name\nx@example.com,10,X").Single();

        Assert.Equal(10, row.Recipient!.EngagementScore);
        Assert.Equal("X", row.Recipient.Name);
    }

    [Fact]
    public void Read_BadRows_ReportLineNumbersAndReasons()
    {
        var csv = "email,name,score\n" +
            "good@example.com,G,50\n" +
            "not-an-address,N,50\n" +
            "\"\"\"a@b.com\"\" <c@d.com>\",T,50\n" +
            "\n" +
            "x@example.com,X,101\n" +
            "y@example.com,Y,abc\n" +
            "z@example.com,Z\n" +
            "\"multi\nline@example.com\",M,1\n" +
            "after@example.com,\"quoted,comma\",70\n" +
            "w@example.com,bad\"quote,1\n";

        var rows = Read(csv);

        Assert.Equal(
            [(2L, true), (3, false), (4, false), (6, false), (7, false), (8, false), (9, false), (11, true), (12, false)],
            rows.Select(r => (r.Line, r.IsValid)));
        Assert.Contains("no @", rows[1].Error);
        Assert.Contains("display name", rows[2].Error);
        Assert.Contains("'101'", rows[3].Error);
        Assert.Contains("'abc'", rows[4].Error);
        Assert.Contains("2 fields; the header has 3", rows[5].Error);
        Assert.Contains("line break", rows[6].Error);
        Assert.Equal("quoted,comma", rows[7].Recipient!.Name);
        Assert.Contains("malformed quoting", rows[8].Error);
    }

    [Fact]
    public void Read_NoAddressColumn_RefusesNamingLine1()
    {
        var error = Assert.Throws<DomainValidationException>(() => Read("name,score\nA,1\n"));

        Assert.Contains("line 1", error.Message);
        Assert.Contains("email", error.Message);
    }

    [Fact]
    public void Read_DuplicateOrBlankHeader_Refuses()
    {
        Assert.Contains("twice", Assert.Throws<DomainValidationException>(() => Read("email,name,Name\n")).Message);
        Assert.Contains("column 2 has no name", Assert.Throws<DomainValidationException>(() => Read("email,,x\n")).Message);
    }

    [Fact]
    public void Read_EmptyFile_Refuses()
    {
        Assert.Contains("empty", Assert.Throws<DomainValidationException>(() => Read("")).Message);
    }

    [Fact]
    public void Read_UnterminatedQuote_StopsAtRecordLimitInsteadOfReadingEverything()
    {
        var csv = "email,name\nok@example.com,\"never closed\n" + string.Concat(Enumerable.Repeat("x@example.com,filler\n", 1_000));

        var rows = AudienceCsvReader.Read(new StringReader(csv), maxRecordLength: 4_096);

        var error = Assert.Throws<DomainValidationException>(() => rows.ToArray());
        Assert.Contains("line 2", error.Message);
        Assert.Contains("quote left open", error.Message);
    }

    [Fact]
    public void Read_LargeAudience_StreamsRowByRow()
    {
        var reader = new CountingReader(100_000);

        using var rows = AudienceCsvReader.Read(reader).GetEnumerator();
        Assert.True(rows.MoveNext());

        Assert.Equal(2, rows.Current.Line);
        Assert.True(reader.Produced < 50_000, $"read {reader.Produced:N0} rows to yield the first one");
        var count = 1;
        while (rows.MoveNext())
        {
            Assert.True(rows.Current.IsValid);
            count++;
        }

        Assert.Equal(100_000, count);
        Assert.Equal(100_001, rows.Current.Line);
    }

    /// <summary>Generates a CSV on the fly, so the test proves the reader does not need the file in memory.</summary>
    private sealed class CountingReader(int rows) : TextReader
    {
        private readonly StringBuilder _pending = new("email,name,score\n");

        public int Produced { get; private set; }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            while (_pending.Length < buffer.Length && Produced < rows)
            {
                _pending.Append("user").Append(Produced++).Append("@example.com,User,").Append(Produced % 101).Append('\n');
            }

            var n = Math.Min(buffer.Length, _pending.Length);
            _pending.CopyTo(0, buffer, n);
            _pending.Remove(0, n);
            return n;
        }

        public override int Read() => throw new NotSupportedException("the CSV parser reads in blocks");

        public override int Peek() => -1;
    }
}
