using System.Text;
using System.Text.Json;

namespace CampaignFlows.Sandbox.Ses;

/// <summary>A variable a template refers to, e.g. <c>{{a.b}}</c>, with its names kept in UTF-8 as well so that
/// looking it up in template data neither transcodes nor allocates (the bulk send path checks every entry).</summary>
internal sealed class TemplateVariable
{
    private readonly byte[][] _utf8Path;

    public TemplateVariable(string[] path)
    {
        Path = path;
        Key = string.Join('.', path);
        _utf8Path = Array.ConvertAll(path, Encoding.UTF8.GetBytes);
    }

    /// <summary>The names from the outermost object inward.</summary>
    public string[] Path { get; }

    /// <summary>The dotted path as written in the template.</summary>
    public string Key { get; }

    /// <summary>Finds the variable's non-null value in <paramref name="data"/>.</summary>
    public bool TryResolve(JsonElement data, out JsonElement value)
    {
        value = data;
        foreach (var name in _utf8Path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value)) return false;
        }
        return value.ValueKind != JsonValueKind.Null;
    }
}
