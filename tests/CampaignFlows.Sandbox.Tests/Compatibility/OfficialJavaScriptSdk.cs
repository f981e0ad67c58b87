using System.Diagnostics;

namespace CampaignFlows.Sandbox.Tests.Compatibility;

public sealed class OfficialJavaScriptSdk
{
    [Fact]
    public async Task AwsSdkForJavaScriptWorksAgainstTheSandboxUnchanged()
    {
        var sdk = FindAwsSdk();
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { EventDelayMilliseconds = 0 });
        var script = Path.Combine(AppContext.BaseDirectory, "Compatibility", "aws-sdk-v2.js");
        var start = new ProcessStartInfo("node", [script, sdk, sandbox.Url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE"] = "1" },
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; install Node.js (CI does).");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"the SDK script failed:\n{await errors}\n{await output}");
        Assert.Equal("ok", (await output).Trim());
    }

    /// <summary>The npm package <c>aws-sdk</c> (v2) that <c>npm ci</c> installs at the repository root.</summary>
    private static string FindAwsSdk()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "aws-sdk");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException($"node_modules/aws-sdk was not found above {AppContext.BaseDirectory}; run `npm ci` at the repository root.");
    }
}
