using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Playwright;

namespace CampaignFlows.EndToEnd.Tests.Dashboard;

/// <summary>The dashboard in headless Chromium against the running app: progress moves, pause works, the warm-up chart and accounts render, and the browser reports no error.</summary>
public sealed class DashboardInBrowser
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task CampaignProgressPauseWarmupChartAndAccountsWithoutBrowserErrors()
    {
        await using var app = await DashboardScenario.StartAppAsync();
        await DashboardScenario.StartWarmupAsync(app);
        await DashboardScenario.StartCampaignAsync(app, recipients: 1_500);
        await using var browser = await BrowserSession.StartAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", nameof(DashboardInBrowser)));
        var page = browser.Page;

        await page.GotoAsync(new Uri(app.Url, "/").ToString());
        await page.GetByLabel("Function key").FillAsync(CampaignApp.FunctionKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save key" }).ClickAsync();
        await page.Locator($"tr[data-campaign='{DashboardScenario.CampaignId}']").WaitForAsync();
        await page.Locator($"tr[data-warmup='{DashboardScenario.WarmupId}']").WaitForAsync();
        await browser.ScreenshotAsync("1-overview");

        await page.GetByRole(AriaRole.Link, new() { Name = DashboardScenario.CampaignId }).ClickAsync();
        var progress = page.GetByRole(AriaRole.Progressbar, new() { Name = $"Progress of campaign {DashboardScenario.CampaignId}" });
        var first = await DashboardScenario.EventuallyAsync(() => ValueNowAsync(progress), v => v > 0, Patience, "The campaign's progress bar leaving 0%");
        await DashboardScenario.EventuallyAsync(() => ValueNowAsync(progress), v => v > first, Patience, $"The progress bar moving past {first}%");
        await page.Locator("#rate-chart svg path.series").First.WaitForAsync();
        await page.Locator("#domains tbody th", new() { HasText = "gmail.com" }).WaitForAsync();
        await browser.ScreenshotAsync("2-campaign-sending");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        var status = page.Locator("#campaign-status");
        await DashboardScenario.EventuallyAsync(() => status.InnerTextAsync(), s => s == "paused", Patience, "The status showing paused");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).IsEnabledAsync());
        await browser.ScreenshotAsync("3-campaign-paused");

        await page.GotoAsync(new Uri(app.Url, $"/warmup.html?id={Uri.EscapeDataString(DashboardScenario.WarmupId)}").ToString());
        await DashboardScenario.EventuallyAsync(() => page.Locator("#plan-chart rect.bar.b-planned").CountAsync(), n => n == 28, Patience,
            "The warm-up chart drawing 28 planned days");
        Assert.Equal(DashboardScenario.WarmupIp, await page.Locator("#warmup-id").InnerTextAsync());
        await browser.ScreenshotAsync("4-warmup");

        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await page.Locator("tr[data-account='marketing-primary']").WaitForAsync();
        Assert.Contains("closed", await page.Locator("tr[data-account='marketing-primary']").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("5-accounts");

        Assert.True(browser.Problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", browser.Problems));
        Assert.True(File.Exists(Path.Combine(browser.Screenshots, "4-warmup.png")));
    }

    private static async Task<int> ValueNowAsync(ILocator progressBar) =>
        int.Parse(await progressBar.GetAttributeAsync("aria-valuenow") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
}
