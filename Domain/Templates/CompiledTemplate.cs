using HandlebarsDotNet;

namespace CampaignFlows.Domain;

/// <summary>A template compiled once and rendered per recipient.</summary>
/// <remarks>
/// Handlebars syntax. Values are HTML-escaped in the HTML part and inserted as they are in the subject and
/// text parts. A recipient whose data lacks a required variable (<see cref="TemplateVariables"/>), or has it
/// blank, is not rendered: the result names the missing variables instead of sending an empty value. A
/// subject that renders with a line break is refused, since the value would otherwise inject a mail header.
/// Rendering is pure and thread-safe.
/// </remarks>
public sealed class CompiledTemplate
{
    private static readonly IHandlebars Escaping = Handlebars.Create();
    private static readonly IHandlebars Plain = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });

    private readonly HandlebarsTemplate<object, object> _subject;
    private readonly HandlebarsTemplate<object, object>? _html;
    private readonly HandlebarsTemplate<object, object>? _text;

    private CompiledTemplate(MessageTemplate template)
    {
        Template = template;
        _subject = CompilePart(Plain, template.Subject, "subject");
        _html = template.Html is { } html ? CompilePart(Escaping, html, "html") : null;
        _text = template.Text is { } text ? CompilePart(Plain, text, "text") : null;
        RequiredVariables = TemplateVariables.Required(template.Subject, "subject")
            .Concat(template.Html is { } h ? TemplateVariables.Required(h, "html") : [])
            .Concat(template.Text is { } t ? TemplateVariables.Required(t, "text") : [])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The source template.</summary>
    public MessageTemplate Template { get; }

    /// <summary>Variables every recipient's data must provide, in order of first use.</summary>
    public IReadOnlyList<string> RequiredVariables { get; }

    /// <summary>Validates and compiles a template.</summary>
    /// <param name="template">The template.</param>
    /// <exception cref="DomainValidationException">No name, no subject, a multi-line subject, no body, a syntax error or a partial.</exception>
    public static CompiledTemplate Compile(MessageTemplate template)
    {
        new Guard()
            .Check(!string.IsNullOrWhiteSpace(template.Name), "name", "is required.")
            .Check(!string.IsNullOrWhiteSpace(template.Subject), "subject", "is required.")
            .Check(!template.Subject.Any(c => c is '\r' or '\n'), "subject", "must be a single line (it contains CR or LF).")
            .Check(!string.IsNullOrWhiteSpace(template.Html) || !string.IsNullOrWhiteSpace(template.Text), "html", "or text is required: the template has no body.")
            .ThrowIfAny();
        return new CompiledTemplate(template);
    }

    /// <summary>The required variables the data lacks or has blank.</summary>
    /// <param name="data">The recipient's template data.</param>
    public IReadOnlyList<string> MissingVariables(IReadOnlyDictionary<string, string> data) =>
        RequiredVariables.Where(v => !data.TryGetValue(v, out var value) || string.IsNullOrWhiteSpace(value)).ToArray();

    /// <summary>Renders the message for one recipient.</summary>
    /// <param name="data">The recipient's template data.</param>
    public RenderResult Render(IReadOnlyDictionary<string, string> data)
    {
        var missing = MissingVariables(data);
        if (missing.Count > 0)
        {
            return new RenderResult(null, missing, $"The recipient's data lacks {string.Join(", ", missing)} for template '{Template.Name}'.");
        }

        var context = data.ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal);
        var subject = _subject(context);
        if (subject.Any(c => c is '\r' or '\n'))
        {
            return new RenderResult(null, [], $"The subject of template '{Template.Name}' contains a line break after rendering; the recipient's data must not put CR or LF in it.");
        }

        return new RenderResult(new RenderedMessage(subject, _html?.Invoke(context), _text?.Invoke(context)), [], null);
    }

    private static HandlebarsTemplate<object, object> CompilePart(IHandlebars environment, string source, string field)
    {
        try
        {
            return environment.Compile(source);
        }
        catch (HandlebarsException e)
        {
            throw new DomainValidationException(field, $"does not parse as a template: {e.Message}");
        }
    }
}
