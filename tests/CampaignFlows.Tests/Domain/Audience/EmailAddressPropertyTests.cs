using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Audience;

public sealed class EmailAddressPropertyTests
{
    private const string Alphabet = "abcXYZ019.@+-_ <>\",;()\r\n\t\u0000\u00fc\u2028[]!#";

    private static IEnumerable<string> RandomInputs(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(0, 40);
            yield return new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        }
    }

    [Fact]
    public void TryParse_RandomInput_NeverThrowsAndAlwaysExplainsRefusal()
    {
        foreach (var input in RandomInputs(20_000, seed: 42))
        {
            var accepted = EmailAddress.TryParse(input, out var address, out var error);
            Assert.Equal(accepted, address is not null);
            Assert.Equal(accepted, error is null);
        }
    }

    [Fact]
    public void TryParse_AcceptedRandomInput_IsSafeAndStable()
    {
        var inputs = RandomInputs(50_000, seed: 7)
            .Concat(RandomInputs(2_000, seed: 8).Select(s => $"u{s.Replace("@", "")}@d{s.Replace("@", "")}.com"))
            .Concat(Enumerable.Range(0, 2_000).Select(i => $"User{i}.Name+T@Sub{i % 7}.Example.COM"));
        var accepted = 0;
        foreach (var input in inputs)
        {
            if (!EmailAddress.TryParse(input, out var address, out _))
            {
                continue;
            }

            accepted++;
            Assert.DoesNotContain(address.Value, c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or '"' or ',' or ';');
            Assert.Equal(address.Value.ToLowerInvariant(), address.Value);
            Assert.InRange(address.LocalPart.Length, 1, 64);
            Assert.InRange(address.Value.Length, 3, 254);
            Assert.Equal(address, EmailAddress.Parse(address.Value));
            Assert.Equal(address, EmailAddress.Parse(" " + input.ToUpperInvariant() + " "));
        }

        Assert.True(accepted >= 2_000, $"only {accepted} inputs were accepted; the generator no longer exercises valid addresses");
    }
}
