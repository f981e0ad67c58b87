using CampaignFlows.EndToEnd.Tests.Fixtures;
using Microsoft.Playwright;

namespace CampaignFlows.EndToEnd.Tests.Dashboard;

/// <summary>The dashboard in headless Chromium against the running app; every scenario fails on any browser error or failed request.</summary>
public sealed class DashboardInBrowser
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static string Screenshots(string scenario) => Path.Combine(AppContext.BaseDirectory, "screenshots", scenario);

    [Fact]
    public async Task CampaignProgressAdvancesAndPauseChangesItsStatus()
    {
        await using var app = await DashboardScenario.StartAppAsync();
        await DashboardScenario.StartCampaignAsync(app, recipients: 1_500);
        await using var browser = await BrowserSession.StartAsync(Screenshots(nameof(CampaignProgressAdvancesAndPauseChangesItsStatus)));
        var page = browser.Page;

        await EnterKeyAsync(page, app);
        await page.Locator($"tr[data-campaign='{DashboardScenario.CampaignId}']").WaitForAsync();
        await browser.ScreenshotAsync("1-overview");

        await page.GetByRole(AriaRole.Link, new() { Name = DashboardScenario.CampaignId }).ClickAsync();
        var progress = page.GetByRole(AriaRole.Progressbar, new() { Name = $"Progress of campaign {DashboardScenario.CampaignId}" });
        var first = await ExplainAsync(browser, () => DashboardScenario.EventuallyAsync(() => ValueNowAsync(progress), v => v > 0, Patience,
            "The campaign's progress bar leaving 0%"));
        await ExplainAsync(browser, () => DashboardScenario.EventuallyAsync(() => ValueNowAsync(progress), v => v > first, Patience,
            $"The progress bar moving past {first}%"));
        await page.Locator("#rate-chart svg path.series").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#domains tbody th", new() { HasText = "gmail.com" }).WaitForAsync();
        await browser.ScreenshotAsync("2-campaign-sending");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        var status = page.Locator("#campaign-status");
        await DashboardScenario.EventuallyAsync(() => status.InnerTextAsync(), s => s == "paused", Patience, "The status showing paused");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).IsEnabledAsync());
        await browser.ScreenshotAsync("3-campaign-paused");

        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        var primary = page.Locator("tr[data-account='marketing-primary']");
        await primary.WaitForAsync();
        Assert.Contains("closed", await primary.InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("4-accounts");

        Assert.True(browser.Problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", browser.Problems));
        Assert.True(File.Exists(Path.Combine(browser.Screenshots, "3-campaign-paused.png")));
    }

    [Fact]
    public async Task WarmupChartDrawsThe28PlanDays()
    {
        await using var app = await DashboardScenario.StartAppAsync();
        await DashboardScenario.StartWarmupAsync(app);
        await using var browser = await BrowserSession.StartAsync(Screenshots(nameof(WarmupChartDrawsThe28PlanDays)));
        var page = browser.Page;

        await EnterKeyAsync(page, app);
        await page.Locator($"tr[data-warmup='{DashboardScenario.WarmupId}']").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DashboardScenario.WarmupIp }).ClickAsync();
        await DashboardScenario.EventuallyAsync(() => page.Locator("#plan-chart rect.bar.b-planned").CountAsync(), n => n == 28, Patience,
            "The warm-up chart drawing 28 planned days");
        Assert.Contains(DashboardScenario.WarmupIp, await page.Locator("#warmup-id").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("1-warmup");

        Assert.True(browser.Problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", browser.Problems));
    }

    private static async Task EnterKeyAsync(IPage page, CampaignApp app)
    {
        await page.GotoAsync(new Uri(app.Url, "/").ToString());
        await page.GetByLabel("Function key").FillAsync(CampaignApp.FunctionKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save key" }).ClickAsync();
    }

    /// <summary>On a timeout, keeps a screenshot and says what the page and the browser showed.</summary>
    private static async Task<T> ExplainAsync<T>(BrowserSession browser, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException timeout)
        {
            await browser.ScreenshotAsync("timeout");
            var text = await browser.Page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"{timeout.Message}\nPage:\n{text}\nBrowser problems:\n{string.Join("\n", browser.Problems)}", timeout);
        }
    }

    private static async Task<int> ValueNowAsync(ILocator progressBar) =>
        int.Parse(await progressBar.GetAttributeAsync("aria-valuenow") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
}
