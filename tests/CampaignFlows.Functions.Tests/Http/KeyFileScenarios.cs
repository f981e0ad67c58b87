using System.Net;
using System.Text.Json;
using CampaignFlows.Functions.Tests.Support;

namespace CampaignFlows.Functions.Tests.Http;

public sealed class KeyFileScenarios
{
    [Fact]
    public async Task FirstStartWithoutKeysGeneratesAndKeepsThem()
    {
        var root = TestHost.NewContentRoot();
        string masterKey;
        await using (var first = await TestHost.StartAsync([typeof(HttpTestFunctions)], root: root, withKeys: false))
        {
            var file = Path.Combine(root, ".data", "keys.json");
            Assert.True(File.Exists(file));
            masterKey = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("MasterKey").GetString()!;
            var response = await first.Client.SendAsync(first.Request(HttpMethod.Get, "/api/admin/ping", masterKey));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var root2Keys = File.ReadAllText(Path.Combine(root, ".data", "keys.json"));
        await using var second = await TestHost.StartAsync([typeof(HttpTestFunctions)], root: root, withKeys: false);
        Assert.Equal(root2Keys, File.ReadAllText(Path.Combine(root, ".data", "keys.json")));
        var again = await second.Client.SendAsync(second.Request(HttpMethod.Get, "/api/admin/ping", masterKey));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
