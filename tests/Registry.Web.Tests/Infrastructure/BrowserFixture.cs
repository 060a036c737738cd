using Microsoft.Playwright;

namespace Registry.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright. Never downloads a browser: the executable is /usr/bin/chromium (or
/// REGISTRY_TEST_CHROMIUM); when it is missing or cannot start, tests fail saying how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("REGISTRY_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ExecutablePath}: install it with 'apt-get install -y chromium' (as .ci/run does) or set REGISTRY_TEST_CHROMIUM.");
        }
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            });
        }
        catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Chromium at {ExecutablePath} could not be started by Playwright: {ex.Message}", ex);
        }
    }

    /// <summary>A fresh context (no cookies) per test, so tests never depend on one another.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, string locale = "vi-VN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot under the test output directory (screenshots/).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"Screenshot {path} is empty.");
    }

    /// <summary>Set to 1 to refresh the pictures under docs/images (docs/communication.md shows them) from the browser tests.</summary>
    public const string UpdateDocsImagesVariable = "REGISTRY_UPDATE_SCREENSHOTS";

    /// <summary>
    /// A screenshot under screenshots/ like <see cref="ScreenshotAsync"/>, also copied to docs/images/<paramref name="name"/>.png
    /// when <see cref="UpdateDocsImagesVariable"/> is 1, so an ordinary run never writes into the repository.
    /// </summary>
    public static async Task DocsScreenshotAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        if (Environment.GetEnvironmentVariable(UpdateDocsImagesVariable) != "1") return;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Registry.sln"))) dir = dir.Parent;
        var images = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Registry.sln not found above the test output."), "docs", "images");
        Directory.CreateDirectory(images);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), Path.Combine(images, name + ".png"), overwrite: true);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
