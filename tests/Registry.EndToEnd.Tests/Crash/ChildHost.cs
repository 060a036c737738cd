using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Crash;

/// <summary>
/// The real service in a child process (<c>dotnet Registry.Api.dll</c>, copied into this test's output by the
/// project reference), on 127.0.0.1 with a free port, over a data directory the test owns; seeding off and the
/// test's bootstrap admin key. <see cref="Kill"/> is SIGKILL: no shutdown code runs, as in a power cut.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    public ChildHost(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory;
        _settings = settings ?? new Dictionary<string, string>();
        Port = FreePort();
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far (for assertions and failure messages).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static string ApiAssembly => Path.Combine(AppContext.BaseDirectory, "Registry.Api.dll");

    public void Start()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ApiAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Registry__DataDirectory"] = DataDirectory;
        start.Environment["Registry__SeedDemoData"] = "false";
        start.Environment["Registry__Auth__BootstrapAdminKey"] = RegistryApiFactory.AdminKey;
        start.Environment["Logging__LogLevel__Microsoft"] = "Warning";
        foreach (var (key, value) in _settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>SIGKILL, then wait until the OS has reaped the process (its file locks are gone then).</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process!.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public HttpClient Client(string? key = RegistryApiFactory.AdminKey)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Polls <c>/health/ready</c> until 200; every answer seen is returned (503 bodies included).</summary>
    public async Task<IReadOnlyList<(HttpStatusCode Status, string Body)>> WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = Client(key: null);
        var seen = new List<(HttpStatusCode, string)>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(HasExited, $"The service exited before it was ready:\n{Output}");
            try
            {
                var response = await client.GetAsync("/health/ready");
                seen.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
                if (response.StatusCode == HttpStatusCode.OK) return seen;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"The service was not ready within {timeout.TotalSeconds} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
