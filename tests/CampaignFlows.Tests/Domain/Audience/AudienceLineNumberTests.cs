using System.Text;
using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Audience;

public sealed class AudienceLineNumberTests
{
    [Theory]
    [InlineData("\n", 1)]
    [InlineData("\r\n", 2)]
    public void Read_RandomRowsWithQuotedBreaksAndBlankLines_ReportsStartLines(string newline, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder($"email,name,score{newline}");
        var line = 2L;
        var expected = new List<(long Line, bool Valid)>();
        for (var i = 0; i < 2_000; i++)
        {
            while (random.Next(10) == 0)
            {
                csv.Append(newline);
                line++;
            }

            var breaks = random.Next(4) == 0 ? random.Next(1, 4) : 0;
            var name = breaks == 0 ? $"N{i}" : "\"" + string.Join(newline, Enumerable.Range(0, breaks + 1).Select(p => $"part{p}")) + "\"";
            var valid = random.Next(5) != 0;
            var email = valid ? $"user{i}@example.com" : $"user{i}.example.com";
            csv.Append(email).Append(',').Append(name).Append(',').Append(random.Next(101)).Append(newline);
            expected.Add((line, valid));
            line += breaks + 1;
        }

        var rows = AudienceCsvReader.Read(new StringReader(csv.ToString())).ToArray();

        Assert.Equal(expected, rows.Select(r => (r.Line, r.IsValid)));
    }
}
