using System.Text.Json;
using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Messages;

public sealed class DebounceKeyTests
{
    private static readonly EmailAddress Alice = EmailAddress.Parse("alice@example.com");

    [Fact]
    public void For_SameRequestSpelledDifferently_GivesSameKey()
    {
        var spellings = new[]
        {
            """{"order":"A1","items":[1,2],"user":{"first":"Al","last":"Ice"}}""",
            """ { "user" : { "last" : "Ice", "first" : "Al" }, "items" : [ 1, 2 ], "order" : "A1" } """,
            """{"items":[1,2],"order":"\u0041\u0031","user":{"first":"Al","last":"Ice"}}""",
        };

        var keys = spellings.Select(json => DebounceKey.For("receipt", Alice, json)).Distinct().ToArray();

        Assert.Single(keys);
        Assert.Matches("^[0-9a-f]{64}$", keys[0].Value);
    }

    [Fact]
    public void For_RecipientSpelledDifferently_GivesSameKey()
    {
        Assert.Equal(
            DebounceKey.For("receipt", EmailAddress.Parse(" ALICE@Example.com"), "{}"),
            DebounceKey.For("receipt", Alice, "{}"));
    }

    [Fact]
    public void For_AnyDifference_GivesDifferentKey()
    {
        var keys = new[]
        {
            DebounceKey.For("receipt", Alice, """{"order":"A1"}"""),
            DebounceKey.For("receipt", Alice, """{"order":"A2"}"""),
            DebounceKey.For("Receipt", Alice, """{"order":"A1"}"""),
            DebounceKey.For("receipt", EmailAddress.Parse("bob@example.com"), """{"order":"A1"}"""),
            DebounceKey.For("receipt", Alice, """{"order":["A1"]}"""),
            DebounceKey.For("receipt", Alice, """{"n":1}"""),
            DebounceKey.For("receipt", Alice, """{"n":1.0}"""),
            DebounceKey.For("receipt", Alice, """{"items":[1,2]}"""),
            DebounceKey.For("receipt", Alice, """{"items":[2,1]}"""),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void For_NoData_EqualsEmptyObject()
    {
        var none = DebounceKey.For("welcome", Alice, (string?)null);

        Assert.Equal(none, DebounceKey.For("welcome", Alice, "{}"));
        Assert.Equal(none, DebounceKey.For("welcome", Alice, " "));
        Assert.Equal(none, DebounceKey.For("welcome", Alice, (JsonElement?)JsonDocument.Parse("null").RootElement));
    }

    [Fact]
    public void For_ManyPermutations_AreStable()
    {
        var members = Enumerable.Range(0, 8).Select(i => $"\"k{i}\":{i}").ToArray();
        var expected = DebounceKey.For("t", Alice, "{" + string.Join(",", members) + "}");

        for (var seed = 0; seed < 50; seed++)
        {
            var shuffled = members.OrderBy(m => HashCode.Combine(m, seed)).ToArray();
            Assert.Equal(expected, DebounceKey.For("t", Alice, "{" + string.Join(",", shuffled) + "}"));
        }
    }

    [Fact]
    public void For_KeyDoesNotContainAddress()
    {
        Assert.DoesNotContain("alice", DebounceKey.For("t", Alice, "{}").Value);
    }

    [Fact]
    public void For_InvalidJson_RefusesNamingData()
    {
        var error = Assert.Throws<DomainValidationException>(() => DebounceKey.For("t", Alice, "{not json"));

        Assert.Equal("data", error.Errors.Single().Field);
    }

    [Fact]
    public void For_BlankTemplate_Refuses()
    {
        Assert.Equal("template", Assert.Throws<DomainValidationException>(() => DebounceKey.For("", Alice, "{}")).Errors.Single().Field);
    }
}
