using System.Text.Json;

namespace CampaignFlows.Aws.Tests;

/// <summary>An official AWS API model (aws-sdk v2 <c>apis/*.min.json</c>) with its shape references resolved.</summary>
internal sealed class ApiModel
{
    private readonly JsonElement _root;

    private ApiModel(JsonElement root) => _root = root;

    public static ApiModel Load(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "node_modules", "aws-sdk", "apis", fileName);
            if (File.Exists(path)) return new ApiModel(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone());
        }
        throw new FileNotFoundException($"node_modules/aws-sdk/apis/{fileName} was not found above {AppContext.BaseDirectory}; run `npm ci` in the repository root.");
    }

    public JsonElement Operation(string name) =>
        _root.GetProperty("operations").TryGetProperty(name, out var op) ? op : throw new KeyNotFoundException($"The model has no operation {name}.");

    /// <summary>Follows <c>shape</c> references until an inline definition is reached.</summary>
    public JsonElement Resolve(JsonElement member)
    {
        while (member.TryGetProperty("shape", out var reference))
            member = _root.GetProperty("shapes").GetProperty(reference.GetString()!);
        return member;
    }

    public static string TypeOf(JsonElement shape) => shape.TryGetProperty("type", out var type) ? type.GetString()! : "string";

    public static IReadOnlySet<string> Required(JsonElement structure) =>
        structure.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : new HashSet<string>();

    public static string? Location(JsonElement member) => member.TryGetProperty("location", out var location) ? location.GetString() : null;
}
