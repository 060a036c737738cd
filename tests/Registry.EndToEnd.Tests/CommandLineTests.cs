using Registry.Api.Cli;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>The verbs run in-process against the same data directory as the host.</summary>
public sealed class CommandLineTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        _ = factory.Services; // the host has started (and migrated the store) first, as in production
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await RegistryCli.RunAsync(args, stdout, stderr, factory.AllSettings);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Apikey_create_prints_the_key_once_and_it_works_over_http()
    {
        var name = $"cli-{Guid.NewGuid():N}";
        var (exit, output, _) = await RunAsync("apikey", "create", "--role", "curator", "--name", name);

        Assert.Equal(RegistryCli.Ok, exit);
        var key = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var created = await factory.WithKey(key).PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (_, list, _) = await RunAsync("apikey", "list");
        Assert.Contains(name, list);
        Assert.DoesNotContain(key, list);

        Assert.Equal(RegistryCli.Ok, (await RunAsync("apikey", "revoke", name)).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.WithKey(key).PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid())).StatusCode);
        Assert.Equal(RegistryCli.Rejected, (await RunAsync("apikey", "revoke", name)).Exit);
    }

    [Fact]
    public async Task Apikey_create_with_a_taken_name_is_refused()
    {
        var name = $"dup-{Guid.NewGuid():N}";
        Assert.Equal(RegistryCli.Ok, (await RunAsync("apikey", "create", "--role", "admin", "--name", name)).Exit);
        var (exit, _, error) = await RunAsync("apikey", "create", "--role", "admin", "--name", name);
        Assert.Equal(RegistryCli.Rejected, exit);
        Assert.Contains("đã tồn tại", error);
    }

    [Theory]
    [InlineData("apikey", "create", "--role", "boss", "--name", "x")]
    [InlineData("apikey", "create", "--name", "x")]
    [InlineData("apikey", "delete", "x")]
    [InlineData("import")]
    [InlineData("import", "a.csv", "--fast")]
    [InlineData("export")]
    public async Task Wrong_arguments_exit_2_with_usage(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await RegistryCli.RunAsync(args, stdout, stderr, factory.AllSettings);
        Assert.Equal(RegistryCli.Usage, exit);
        Assert.Contains("help", stderr.ToString());
    }

    [Theory]
    [InlineData("imoprt", "file.csv")]
    [InlineData("reindx")]
    [InlineData("serve")]
    public async Task A_mistyped_verb_exits_2_with_usage_and_never_builds_a_host(params string[] args)
    {
        Assert.True(RegistryCli.IsCommand(args)); // Program.cs would otherwise start the web server
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var built = false;
        var exit = await RegistryCli.RunAsync(args, stdout, stderr, factory.AllSettings, _ => built = true);

        Assert.Equal(RegistryCli.Usage, exit);
        Assert.Contains("import FILE [--dry-run] [--skip-invalid]", stderr.ToString());
        Assert.False(built);
        Assert.Equal("", stdout.ToString());
    }

    [Theory]
    [InlineData("--urls=http://127.0.0.1:5000")]
    [InlineData("urls=http://127.0.0.1:5000")]
    [InlineData("--Registry:DataDirectory", "/srv/registry")]
    public void Options_and_settings_alone_still_start_the_web_host(params string[] args) =>
        Assert.False(RegistryCli.IsCommand(args));

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var (exit, output, _) = await RunAsync("help");
        Assert.Equal(RegistryCli.Ok, exit);
        Assert.Contains("import FILE [--dry-run] [--skip-invalid]", output);
        Assert.Contains("apikey create --role curator|admin --name NAME", output);
    }

    [Fact]
    public async Task Import_writes_progress_to_stderr_and_the_report_to_stdout()
    {
        var records = Enumerable.Range(0, 5).Select(_ => TaskRecordBuilder.Valid()).ToList();
        var path = Path.Combine(factory.DataDirectory, $"cli-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(path, ImportFiles.JsonLines(records));

        var dry = await RunAsync("import", path, "--dry-run");
        Assert.Equal(RegistryCli.Ok, dry.Exit);
        Assert.Contains("Chạy thử", dry.Out);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.CuratorAsync()).GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(records[0].Code!)}")).StatusCode);

        var real = await RunAsync("import", path);
        Assert.Equal(RegistryCli.Ok, real.Exit);
        Assert.Contains("Thêm mới (created): 5", real.Out);
        Assert.Contains("5/5 dòng (rows) 100%", real.Err);
        Assert.DoesNotContain("\r", real.Err);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.CuratorAsync()).GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(records[0].Code!)}")).StatusCode);
    }

    [Fact]
    public async Task Import_of_a_refused_file_exits_1_and_names_the_row()
    {
        var bad = TaskRecordBuilder.Valid() with { Fields = ["999"] };
        var path = Path.Combine(factory.DataDirectory, $"bad-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(path, ImportFiles.JsonLines([TaskRecordBuilder.Valid(), bad]));

        var (exit, output, _) = await RunAsync("import", path);

        Assert.Equal(RegistryCli.Rejected, exit);
        Assert.Contains($"Dòng 2 ({bad.Code})", output);
    }

    [Fact]
    public async Task Import_of_a_missing_file_is_a_usage_error()
    {
        var (exit, _, error) = await RunAsync("import", "/nonexistent/tasks.csv");
        Assert.Equal(RegistryCli.Usage, exit);
        Assert.Contains("Không tìm thấy tệp", error);
    }
}
