using Microsoft.Playwright;

namespace CampaignFlows.EndToEnd.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download; Playwright gives it a fresh temporary profile), with every console error, page error,
/// failed request and HTTP error answer recorded so a test can fail on any of them.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<string> _problems = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page, string screenshots)
    {
        Playwright = playwright;
        Browser = browser;
        Page = page;
        Screenshots = screenshots;
        page.Console += (_, message) => { if (message.Type == "error") Add($"console error: {message.Text} at {message.Location}"); };
        page.PageError += (_, error) => Add($"page error: {error}");
        page.RequestFailed += (_, request) => Add($"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) => { if (response.Status >= 400) Add($"HTTP {response.Status}: {response.Request.Method} {response.Url}"); };
    }

    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public IPage Page { get; }
    public string Screenshots { get; }

    public IReadOnlyList<string> Problems
    {
        get { lock (_problems) return [.. _problems]; }
    }

    public static async Task<BrowserSession> StartAsync(string screenshotFolder)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}; install it with `apt-get install -y chromium` (.ci/run does).");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        page.SetDefaultTimeout(60_000);
        Directory.CreateDirectory(screenshotFolder);
        return new BrowserSession(playwright, browser, page, screenshotFolder);
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });

    private void Add(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
