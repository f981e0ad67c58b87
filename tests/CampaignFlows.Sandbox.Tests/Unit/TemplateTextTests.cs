using System.Text.Json;
using CampaignFlows.Sandbox.Ses;

namespace CampaignFlows.Sandbox.Tests.Unit;

public sealed class TemplateTextTests
{
    private static JsonElement Data(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Render_NestedAndRawVariables_SubstitutesAndEscapesOnlyDoubleBraces()
    {
        var text = TemplateText.Parse("<p>{{ user.name }}</p>{{{banner}}} {{count}}");

        Assert.Equal("<p>&lt;Ann&gt;</p><b>!</b> 3", text.Render(Data("""{"user":{"name":"<Ann>"},"banner":"<b>!</b>","count":3}"""), html: true));
    }

    [Fact]
    public void FirstMissing_VariableAbsentFromBothLayers_ReturnsItsTopLevelName()
    {
        var text = TemplateText.Parse("{{a}} {{b.c}}");

        Assert.Null(text.FirstMissing(Data("""{"a":1}"""), Data("""{"b":{"c":2}}""")));
        Assert.Equal("b", text.FirstMissing(Data("""{"a":1}"""), Data("""{"b":{}}""")));
        Assert.Equal("a", text.FirstMissing(Data("{}")));
    }

    [Fact]
    public void Parse_BlockHelpersAndUnclosedBraces_KeepsTextAndSkipsHelpers()
    {
        var text = TemplateText.Parse("{{#if vip}}VIP {{/if}}Hi {{name");

        Assert.Null(text.FirstMissing(Data("{}")));
        Assert.Equal("VIP Hi {{name", text.Render(Data("{}"), html: false));
    }
}
