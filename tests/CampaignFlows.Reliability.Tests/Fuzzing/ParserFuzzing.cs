using CampaignFlows.Campaigns;
using CampaignFlows.Domain;

namespace CampaignFlows.Reliability.Tests.Fuzzing;

/// <summary>
/// The two parsers that read what outsiders send: the audience CSV reader and the SES event parser. Whatever the input,
/// each fails only in its documented way (a refused row, a DomainValidationException, a FormatException), which is
/// what its callers turn into a 4xx or a poison message; anything else would crash a request or a feed function.
/// </summary>
public sealed class ParserFuzzing
{
    [Fact]
    public void AudienceCsvReader_RandomAndMalformedCsv_RefusesRowsOrTheFileButNeverThrowsAnythingElse()
    {
        var inputs = new FuzzInputs(11);
        for (var i = 0; i < 3_000; i++)
        {
            var csv = inputs.Csv();
            try
            {
                foreach (var row in AudienceCsvReader.Read(new StringReader(csv), maxRecordLength: 2_000))
                    Assert.True(row.Recipient is not null ^ row.Error is not null, $"row {row.Line} of input {i} is neither a recipient nor an error");
            }
            catch (DomainValidationException)
            {
                // A broken header or an oversize row refuses the whole file, as documented.
            }
            catch (Exception e)
            {
                Assert.Fail($"Input {i} threw {e.GetType().Name}: {e.Message}\n--- input ---\n{csv}");
            }
        }
    }

    [Fact]
    public void SesEventParse_RandomAndMalformedBodies_ThrowsOnlyFormatException()
    {
        var inputs = new FuzzInputs(12);
        foreach (var body in inputs.MalformedSesEvents(2_000).Concat(inputs.Bodies(2_000)))
        {
            try
            {
                SesEvent.Parse(body);
            }
            catch (FormatException)
            {
                // The feed turns this into a failed message that ends in the poison queue.
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name}: {e.Message}\n--- body ---\n{(body.Length > 500 ? body[..500] : body)}");
            }
        }
    }
}
