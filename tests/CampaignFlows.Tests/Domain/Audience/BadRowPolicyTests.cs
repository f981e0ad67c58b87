using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Audience;

public sealed class BadRowPolicyTests
{
    private const string MixedCsv = "email,name\na@example.com,A\nbroken,B\nc@example.com,C\nalso broken,D\n";

    private static IEnumerable<AudienceRow> Rows(string csv) => AudienceCsvReader.Read(new StringReader(csv));

    [Fact]
    public void Check_RefuseWithBadRows_RefusesListingLines()
    {
        var verdict = BadRowPolicy.Refuse.Check(Rows(MixedCsv));

        Assert.False(verdict.Accepted);
        Assert.Equal((2L, 2L), (verdict.ValidRows, verdict.InvalidRows));
        Assert.Equal(["line 3: address has no @.", "line 5: address contains a space."], verdict.Errors);
        Assert.Contains("skip bad rows", verdict.Reason);
    }

    [Fact]
    public void Check_SkipWithBadRows_AcceptsAndStillReports()
    {
        var verdict = BadRowPolicy.Skip.Check(Rows(MixedCsv));

        Assert.True(verdict.Accepted);
        Assert.Equal(2, verdict.Errors.Count);
    }

    [Fact]
    public void Check_AllBad_RefusedEvenWhenSkipping()
    {
        var verdict = BadRowPolicy.Skip.Check(Rows("email\nx\ny\n"));

        Assert.False(verdict.Accepted);
        Assert.Contains("no valid recipients", verdict.Reason);
    }

    [Fact]
    public void Check_HeaderOnly_Refused()
    {
        Assert.False(BadRowPolicy.Refuse.Check(Rows("email\n")).Accepted);
    }

    [Fact]
    public void Check_ManyBadRows_ListsOnlyFirstN()
    {
        var csv = "email\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"bad{i}\n"));

        var verdict = new BadRowPolicy(MaxErrorsReported: 5).Check(Rows(csv));

        Assert.Equal(500, verdict.InvalidRows);
        Assert.Equal(["line 2", "line 3", "line 4", "line 5", "line 6"], verdict.Errors.Select(e => e[..e.IndexOf(':')]));
    }

    [Fact]
    public void Recipients_Skip_YieldsOnlyValid()
    {
        Assert.Equal(["a@example.com", "c@example.com"], BadRowPolicy.Skip.Recipients(Rows(MixedCsv)).Select(r => r.Email.Value));
    }

    [Fact]
    public void Recipients_Refuse_StopsAtFirstBadRow()
    {
        var seen = new List<string>();

        var error = Assert.Throws<DomainValidationException>(() =>
        {
            foreach (var recipient in BadRowPolicy.Refuse.Recipients(Rows(MixedCsv)))
            {
                seen.Add(recipient.Email.Value);
            }
        });

        Assert.Equal(["a@example.com"], seen);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Tally_ChunkedAdds_MatchesSinglePass()
    {
        var rows = Rows(MixedCsv).ToArray();
        var first = rows.Take(2).Aggregate(BadRowPolicy.Refuse.NewTally(), (t, r) => t.Add(r));

        var tally = rows.Skip(2).Aggregate(first, (t, r) => t.Add(r));

        var single = BadRowPolicy.Refuse.Check(rows);
        var chunked = BadRowPolicy.Refuse.Judge(tally);
        Assert.Equal((single.Accepted, single.Reason, single.ValidRows, single.InvalidRows), (chunked.Accepted, chunked.Reason, chunked.ValidRows, chunked.InvalidRows));
        Assert.Equal(single.Errors, chunked.Errors);
    }
}
