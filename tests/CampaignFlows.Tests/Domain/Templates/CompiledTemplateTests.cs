using CampaignFlows.Domain;

namespace CampaignFlows.Tests.Domain.Templates;

public sealed class CompiledTemplateTests
{
    private static readonly MessageTemplate Promo = new(
        "promo",
        "{{name}}, {{discount}} off today",
        "<p>Hello {{name}}, use {{code}}</p>{{#if vip}}<b>VIP {{tier}}</b>{{/if}}",
        "Hello {{name}}, use {{code}}");

    private static Dictionary<string, string> Data(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Compile_Template_FindsRequiredVariablesInOrder()
    {
        Assert.Equal(["name", "discount", "code"], CompiledTemplate.Compile(Promo).RequiredVariables);
    }

    [Fact]
    public void Render_FullData_EscapesHtmlOnly()
    {
        var template = CompiledTemplate.Compile(Promo);

        var result = template.Render(Data(("name", "Tom & <Jerry>"), ("discount", "20%"), ("code", "A\"B")));

        Assert.True(result.IsSuccess);
        Assert.Equal("Tom & <Jerry>, 20% off today", result.Message!.Subject);
        Assert.Equal("Hello Tom & <Jerry>, use A\"B", result.Message.Text);
        Assert.Contains("Tom &amp; &lt;Jerry&gt;", result.Message.Html);
        Assert.DoesNotContain("<Jerry>", result.Message.Html);
        Assert.DoesNotContain("VIP", result.Message.Html);
    }

    [Fact]
    public void Render_MissingAndBlankVariables_ReportsThemAndRendersNothing()
    {
        var result = CompiledTemplate.Compile(Promo).Render(Data(("name", "Ann"), ("discount", " ")));

        Assert.False(result.IsSuccess);
        Assert.Equal(["discount", "code"], result.MissingVariables);
        Assert.Contains("discount, code", result.Error);
    }

    [Fact]
    public void Render_ConditionalVariable_IsOptionalButRenderedWhenPresent()
    {
        var result = CompiledTemplate.Compile(Promo).Render(Data(("name", "Ann"), ("discount", "5%"), ("code", "X"), ("vip", "yes"), ("tier", "gold")));

        Assert.Contains("<b>VIP gold</b>", result.Message!.Html);
    }

    [Fact]
    public void Render_DataPuttingLineBreakInSubject_Refuses()
    {
        var result = CompiledTemplate.Compile(Promo).Render(Data(("name", "Ann\r\nBcc: x@y.com"), ("discount", "5%"), ("code", "X")));

        Assert.False(result.IsSuccess);
        Assert.Contains("line break", result.Error);
    }

    [Fact]
    public void Render_TripleStashAndPaths_AreRequiredByRoot()
    {
        var template = CompiledTemplate.Compile(new MessageTemplate("t", "Hi", "{{{raw}}} {{order.id}} {{@index}} {{this}} {{!-- note --}}", null));

        Assert.Equal(["raw", "order"], template.RequiredVariables);
    }

    [Fact]
    public void Render_EachBlock_InnerVariablesNotRequired()
    {
        var template = CompiledTemplate.Compile(new MessageTemplate("t", "Hi {{name}}", null, "{{#each items}}{{title}}{{/each}}{{else}}"));

        Assert.Equal(["name"], template.RequiredVariables);
    }

    [Fact]
    public void Render_ManyRecipients_EachGetsOwnValues()
    {
        var template = CompiledTemplate.Compile(Promo);

        for (var i = 0; i < 500; i++)
        {
            var message = template.Render(Data(("name", $"user{i}"), ("discount", $"{i % 50}%"), ("code", $"C{i}"))).Message!;
            Assert.Equal($"user{i}, {i % 50}% off today", message.Subject);
            Assert.Equal($"Hello user{i}, use C{i}", message.Text);
        }
    }

    [Fact]
    public void Compile_NoSubjectNoBody_NamesFields()
    {
        var error = Assert.Throws<DomainValidationException>(() => CompiledTemplate.Compile(new MessageTemplate("", " ", null, "")));

        Assert.Equal(["name", "subject", "html"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Compile_MultiLineSubject_Refuses()
    {
        var error = Assert.Throws<DomainValidationException>(() => CompiledTemplate.Compile(new MessageTemplate("t", "a\nb", "x", null)));

        Assert.Contains("single line", error.Message);
    }

    [Fact]
    public void Compile_SyntaxError_RefusesNamingPart()
    {
        var error = Assert.Throws<DomainValidationException>(() => CompiledTemplate.Compile(new MessageTemplate("t", "ok", "{{#if x}}never closed", null)));

        Assert.Equal("html", error.Errors.Single().Field);
    }

    [Fact]
    public void Compile_Partial_Refuses()
    {
        var error = Assert.Throws<DomainValidationException>(() => CompiledTemplate.Compile(new MessageTemplate("t", "ok", null, "{{> footer}}")));

        Assert.Equal("text", error.Errors.Single().Field);
    }
}
