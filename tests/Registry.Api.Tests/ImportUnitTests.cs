using Microsoft.AspNetCore.Builder;
using Registry.Api.Cli;
using Registry.Api.Hosting;
using Registry.Api.Imports;
using Registry.Api.Problems;
using Registry.Data.Import;
using Registry.Data.Validation;

namespace Registry.Api.Tests;

public sealed class ImportUnitTests
{
    [Theory]
    [InlineData(ImportFileErrorKind.UnknownColumn, 400)]
    [InlineData(ImportFileErrorKind.Encoding, 415)]
    [InlineData(ImportFileErrorKind.TooLarge, 413)]
    public void File_problems_carry_their_kind_in_the_type(string kind, int status)
    {
        var problem = ImportProblems.FromFile(new ImportFileException(kind, "Lỗi (error)"));
        Assert.Equal(status, problem.StatusCode);
        Assert.Equal($"{ProblemCatalog.TypeBase}import-file/{kind}", problem.ProblemDetails.Type);
    }

    [Fact]
    public void Refusal_counts_as_state_secret_only_when_a_secret_row_caused_it()
    {
        var secret = new RejectedRow(4, null, [StateSecretGuard.RefusalMessage]);
        var invalid = new RejectedRow(5, "A-1", ["Dòng 5: thiếu tên"]);
        ImportReport Report(bool committed, bool dryRun, params RejectedRow[] rows) =>
            new(5, 0, 0, 0, rows.Length, committed, dryRun, rows, "");

        Assert.True(ImportProblems.RefusedForStateSecret(Report(false, false, invalid, secret)));
        Assert.False(ImportProblems.RefusedForStateSecret(Report(false, false, invalid)));
        Assert.False(ImportProblems.RefusedForStateSecret(Report(false, true, secret)));
        Assert.False(ImportProblems.RefusedForStateSecret(Report(true, false, secret)));
    }

    [Fact]
    public void Small_files_run_inline_and_large_ones_as_jobs()
    {
        var limits = new ImportLimits { InlineMaxBytes = 1000, InlineMaxRows = 10 };
        Assert.True(ImportsApi.RunsInline(new UploadedFile("x", 900, ImportFormat.Csv, null, 11), limits));
        Assert.False(ImportsApi.RunsInline(new UploadedFile("x", 900, ImportFormat.Csv, null, 12), limits));
        Assert.False(ImportsApi.RunsInline(new UploadedFile("x", 1001, ImportFormat.JsonLines, null, 1), limits));
        Assert.True(ImportsApi.RunsInline(new UploadedFile("x", 900, ImportFormat.Xlsx, null, 5000), limits));
    }

    [Fact]
    public void Progress_on_a_terminal_redraws_one_line_and_ends_with_the_total()
    {
        var output = new StringWriter();
        using var file = new MemoryStream(new byte[100]);
        var bar = new ImportProgressBar(output, file, interactive: true);

        file.Position = 50;
        bar.Report(new ImportProgress("writing", 10, 10));
        file.Position = 100;
        bar.Report(new ImportProgress("writing", 20, 20));
        bar.Finish(20);

        var text = output.ToString();
        Assert.Contains("\rGhi (writing) [###############...............] 10/? dòng (rows) 50%", text);
        Assert.Contains("20/20 dòng (rows) 100%", text.Split('\r')[^1]);
        Assert.Equal(1, text.Count(c => c == '\n'));
    }

    [Fact]
    public void Redirected_progress_writes_plain_lines_and_a_refused_import_shows_the_check()
    {
        var output = new StringWriter();
        using var file = new MemoryStream(new byte[10]);
        var bar = new ImportProgressBar(output, file, interactive: false);

        bar.Report(new ImportProgress("writing", 3, 3));
        bar.Report(new ImportProgress("checking", 6, 6));
        bar.Finish(6);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\r', output.ToString());
        Assert.StartsWith("Ghi (writing)", lines[0]);
        Assert.StartsWith("Kiểm tra (checking)", lines[^1]);
        Assert.Contains("6/? dòng (rows)", lines[^1]);
    }

    [Theory]
    [InlineData("/api/v9/tasks", "v9")]
    [InlineData("/api/v2.0/tasks/x", "v2.0")]
    [InlineData("/api/v1/nothing", null)]
    [InlineData("/health/live", null)]
    [InlineData("/api/version/x", null)]
    public void Unsupported_versions_are_recognised_in_the_path(string path, string? expected) =>
        Assert.Equal(expected, ProblemDefaults.UnsupportedVersion(path));
}
