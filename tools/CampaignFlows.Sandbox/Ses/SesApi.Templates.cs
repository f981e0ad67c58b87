using System.Text.Json;
using CampaignFlows.Sandbox.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CampaignFlows.Sandbox.Ses;

internal static partial class SesApi
{
    private static void MapTemplates(IEndpointRouteBuilder app, SandboxState state)
    {
        app.MapPost("/v2/email/templates", Handle(state, CreateTemplateAsync));
        app.MapGet("/v2/email/templates", Handle(state, ListTemplates));
        app.MapGet("/v2/email/templates/{TemplateName}", Handle(state, GetTemplate));
        app.MapPut("/v2/email/templates/{TemplateName}", Handle(state, UpdateTemplateAsync));
        app.MapDelete("/v2/email/templates/{TemplateName}", Handle(state, DeleteTemplate));
        app.MapPost("/v2/email/templates/{TemplateName}/render", Handle(state, TestRenderAsync));
    }

    private static async ValueTask<object> CreateTemplateAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.CreateEmailTemplateRequest).ConfigureAwait(false);
        var name = ValidTemplateName(request.TemplateName);
        var content = request.TemplateContent ?? throw SesErrors.BadRequest("TemplateContent is required.");
        if (!call.Account.Templates.TryAdd(name, new StoredTemplate(name, content, call.Now)))
            throw SesErrors.AlreadyExists($"Template {name} already exists.");
        return new EmptyResponse();
    }

    private static object GetTemplate(SesCall call)
    {
        var template = Template(call);
        return new GetEmailTemplateResponse(template.Name, template.Content);
    }

    private static async ValueTask<object> UpdateTemplateAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.UpdateEmailTemplateRequest).ConfigureAwait(false);
        var content = request.TemplateContent ?? throw SesErrors.BadRequest("TemplateContent is required.");
        var existing = Template(call);
        call.Account.Templates[existing.Name] = new StoredTemplate(existing.Name, content, existing.CreatedAt);
        return new EmptyResponse();
    }

    private static object DeleteTemplate(SesCall call)
    {
        var name = call.Route("TemplateName");
        if (!call.Account.Templates.TryRemove(name, out _)) throw SesErrors.NotFound($"Template {name} does not exist.");
        return new EmptyResponse();
    }

    private static object ListTemplates(SesCall call)
    {
        var (page, next) = Paging.Page(call, call.Account.Templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(), 10, 100);
        return new ListEmailTemplatesResponse([.. page.Select(t => new EmailTemplateMetadata(t.Name, t.CreatedAt.ToUnixTimeMilliseconds() / 1000.0))], next);
    }

    private static async ValueTask<object> TestRenderAsync(SesCall call)
    {
        var request = await call.ReadAsync(SandboxJson.Wire.TestRenderEmailTemplateRequest).ConfigureAwait(false);
        var template = Template(call);
        if (request.TemplateData is null) throw SesErrors.BadRequest("TemplateData is required.");
        using var data = ParseTemplateData(request.TemplateData, "TemplateData");
        if (RenderingError(template, data.RootElement, default) is { } error) throw SesErrors.BadRequest(error);
        var root = data.RootElement;
        var rendered = $"Subject: {template.Subject.Render(root, false)}\r\nMIME-Version: 1.0\r\n\r\n{template.Text.Render(root, false)}\r\n{template.Html.Render(root, true)}";
        return new TestRenderEmailTemplateResponse(rendered);
    }

    private static StoredTemplate Template(SesCall call)
    {
        var name = call.Route("TemplateName");
        return call.Account.Templates.TryGetValue(name, out var template) ? template : throw SesErrors.NotFound($"Template {name} does not exist.");
    }

    private static string ValidTemplateName(string? name)
    {
        if (string.IsNullOrEmpty(name)) throw SesErrors.BadRequest("TemplateName is required.");
        if (name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw SesErrors.BadRequest($"TemplateName '{name}' may contain only letters, digits, '-' and '_' (at most 64).");
        return name;
    }
}
