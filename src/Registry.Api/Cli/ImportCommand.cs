using Registry.Api.Imports;
using Registry.Data.Abstractions;
using Registry.Data.Import;

namespace Registry.Api.Cli;

/// <summary><c>import FILE [--dry-run] [--skip-invalid]</c>: progress on stderr, the report on stdout.</summary>
internal static class ImportCommand
{
    public static CliAction? Parse(CliArguments args, out string usageError)
    {
        usageError = "";
        if (args.Words.Count != 2 || args.Unknown("--dry-run", "--skip-invalid") is not null)
        {
            usageError = "Cách dùng (usage): import FILE [--dry-run] [--skip-invalid]";
            return null;
        }

        var path = Path.GetFullPath(args.Words[1]);
        var options = new ImportOptions(DryRun: args.Has("--dry-run"), SkipInvalid: args.Has("--skip-invalid"));
        return (services, stdout, stderr, ct) => RunAsync(services.GetRequiredService<ImportService>(), path, options, stdout, stderr, ct);
    }

    private static async Task<int> RunAsync(ImportService imports, string path, ImportOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"Không tìm thấy tệp '{path}' (file not found).");
            return RegistryCli.Usage;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var format = ImportFormatDetector.Detect(stream, Path.GetFileName(path));
        var progress = new ImportProgressBar(stderr, stream, interactive: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
        ImportReport report;
        try
        {
            report = await imports.RunAsync(stream, format, options, Actor.CommandLine, progress, new ImportSource(FileName: Path.GetFileName(path)), ct);
        }
        catch (ImportFileException ex)
        {
            progress.Finish();
            await stderr.WriteLineAsync($"Tệp bị từ chối [{ex.Kind}]: {ex.Message}");
            return RegistryCli.Rejected;
        }

        progress.Finish(report.Rows);
        await WriteReportAsync(stdout, report);
        var refused = !report.Committed && !report.DryRun;
        return refused || (report.DryRun && report.Rejected > 0) ? RegistryCli.Rejected : RegistryCli.Ok;
    }

    /// <summary>Counts, then every rejected row. A state-secret row prints only its line and the reason.</summary>
    internal static async Task WriteReportAsync(TextWriter stdout, ImportReport report)
    {
        await stdout.WriteLineAsync(report.Summary);
        await stdout.WriteLineAsync($"Dòng (rows): {report.Rows}  Thêm mới (created): {report.Created}  Cập nhật (updated): {report.Updated}  " +
            $"Giữ nguyên (unchanged): {report.Unchanged}  Từ chối (rejected): {report.Rejected}  Đã ghi (committed): {(report.Committed ? "có (yes)" : "không (no)")}");
        foreach (var row in report.RejectedRows)
        {
            var label = ImportProblems.IsStateSecret(row) || row.Code is null ? $"Dòng {row.Line}" : $"Dòng {row.Line} ({row.Code})";
            await stdout.WriteLineAsync($"  {label}: {string.Join("; ", row.Reasons)}");
        }
    }
}
