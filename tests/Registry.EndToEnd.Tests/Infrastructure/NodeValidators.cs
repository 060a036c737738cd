using System.Diagnostics;
using System.Text;

namespace Registry.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Validators nobody here wrote (graphql-js, Redocly CLI, rdf-validate-shacl), installed from
/// <c>tests/validators/package-lock.json</c> with <c>npm ci</c> the first time a test needs them, and run with the
/// machine's Node.js. The install is shared by every test process through a lock file, so parallel test projects
/// never install twice or read a half-written <c>node_modules</c>.
/// </summary>
public static class NodeValidators
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);
    private static bool _installed;

    /// <summary><c>tests/validators</c> in this checkout.</summary>
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "validators");

    /// <summary>Runs <c>node &lt;script&gt; args…</c> in <see cref="Directory"/>; the script is a file there.</summary>
    public static async Task<NodeResult> RunAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await ExecAsync("node", [Path.Combine(Directory, script), .. arguments], TimeSpan.FromMinutes(3));
    }

    /// <summary>Runs a command installed under <c>node_modules/.bin</c> (for example <c>redocly</c>).</summary>
    public static async Task<NodeResult> RunBinAsync(string command, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await ExecAsync(Path.Combine(Directory, "node_modules", ".bin", command), arguments, TimeSpan.FromMinutes(3));
    }

    private static async Task EnsureInstalledAsync()
    {
        await InProcess.WaitAsync();
        try
        {
            if (_installed) return;
            var marker = Path.Combine(Directory, "node_modules", ".registry-installed");
            var lockPath = Path.Combine(Directory, ".install.lock");
            using (await AcquireFileLockAsync(lockPath))
            {
                var lockFile = Path.Combine(Directory, "package-lock.json");
                var expected = File.ReadAllText(lockFile);
                if (!File.Exists(marker) || File.ReadAllText(marker) != expected)
                {
                    var result = await ExecAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(10));
                    if (result.ExitCode != 0)
                        throw new InvalidOperationException($"npm ci in {Directory} failed ({result.ExitCode}):\n{result.Output}");
                    File.WriteAllText(marker, expected);
                }
            }
            _installed = true;
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<NodeResult> ExecAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Redocly and npm would otherwise phone home; nothing leaves this machine.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        start.Environment["npm_config_update_notifier"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}:\n{stdout}\n{stderr}");
        }
        process.WaitForExit();
        return new NodeResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Registry.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Registry.sln not found above the test directory");
    }
}

/// <summary>What a Node.js validator printed and how it ended.</summary>
public sealed record NodeResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for an assertion message.</summary>
    public string Output => StandardOutput + StandardError;
}
