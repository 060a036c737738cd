namespace Registry.Api.Cli;

/// <summary>
/// <c>healthcheck [URL]</c>: asks a running service whether it is healthy and exits 0 (2xx) or 1 (anything else,
/// or no answer within 5 s). It is the container image's HEALTHCHECK: the runtime image has no curl or shell, and
/// this verb touches neither the database nor the data directory, so it runs beside the service on a read-only
/// file system. The default URL is <c>/health/live</c> on the port the image listens on
/// (<c>ASPNETCORE_HTTP_PORTS</c>, else 8080) at 127.0.0.1.
/// </summary>
internal static class HealthCheckCommand
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Uri DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "";
        var first = ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = int.TryParse(first, out var p) && p is > 0 and < 65536 ? p : 8080;
        return new Uri($"http://127.0.0.1:{port}/health/live");
    }

    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        Uri url;
        if (args.Words.Count > 2)
        {
            await stderr.WriteLineAsync("Dùng: healthcheck [URL] (usage: healthcheck [URL]).");
            return RegistryCli.Usage;
        }
        if (args.Words.Count == 2)
        {
            if (!Uri.TryCreate(args.Words[1], UriKind.Absolute, out var given) || given.Scheme is not ("http" or "https"))
            {
                await stderr.WriteLineAsync($"Địa chỉ không hợp lệ '{args.Words[1]}'; cần URL http(s) tuyệt đối (not an absolute http(s) URL).");
                return RegistryCli.Usage;
            }
            url = given;
        }
        else url = DefaultUrl();

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await stdout.WriteLineAsync($"{code} {url}");
                return RegistryCli.Ok;
            }
            await stderr.WriteLineAsync($"Dịch vụ chưa sẵn sàng: {code} (not healthy: {code}) {url}");
            return RegistryCli.Rejected;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await stderr.WriteLineAsync($"Không kết nối được {url} (no answer: {e.GetType().Name}).");
            return RegistryCli.Rejected;
        }
    }
}
