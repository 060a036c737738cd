using System.Text.Json;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>
/// Runs an import: parse, check, write, in batches of <see cref="BatchSize"/> through
/// <see cref="ITaskStore.UpsertBatchAsync"/>.
/// <para>
/// The file is always read twice. The first pass parses every row (so a file-level problem such as bad encoding at
/// row 80,000 or too many rows is found before anything is written) and, unless skipInvalid is set, sends every
/// batch to the store as a dry run to collect every rejection. Only when the first pass found none does the second
/// pass write. So without skipInvalid an import is all-or-nothing for the whole file, not just per batch; with
/// skipInvalid, valid rows are written and bad rows reported. A row rejected in the write pass despite passing the
/// check (someone changed the same task in between) is reported, and <see cref="ImportReport.Committed"/> is false.
/// </para>
/// A non-seekable input is buffered to a temp file so it can be read twice.
/// </summary>
public sealed class ImportService(ITaskStore store)
{
    public const int DefaultBatchSize = 1_000;

    /// <summary>More rows than this refuse the whole file (kind <c>tooLarge</c>).</summary>
    public int MaxRows { get; init; } = 1_000_000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// A batch is also sent once its records hold this many characters (as JSON), so a batch of long rows costs no
    /// more memory than a batch of ordinary ones: with 1,000 rows of ~2 KB a batch is never cut short.
    /// </summary>
    public int MaxBatchChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>Bounds for CSV and Excel; <see cref="ImportReadLimits.MaxBytes"/> follows Registry:Imports:MaxBytes.</summary>
    public ImportReadLimits Limits { get; init; } = new();

    public async Task<ImportReport> RunAsync(Stream input, ImportFormat format, ImportOptions options, Actor actor,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var temp = input.CanSeek ? null : await BufferAsync(input, ct);
        var source = temp ?? input;
        var start = source.Position;
        var checkWithStore = options.DryRun || !options.SkipInvalid;

        var check = await PassAsync(source, format, options with { DryRun = true }, actor, "checking", checkWithStore, progress, ct);
        if (check.Rows == 0)
            throw new ImportFileException(ImportFileErrorKind.Empty, "Tệp không có dòng dữ liệu nào (the file has no data rows)");
        if (options.DryRun) return ImportSummary.Report(check, committed: false, dryRun: true);
        if (!options.SkipInvalid && check.Rejected.Count > 0) return ImportSummary.Refused(check);

        source.Position = start;
        var write = await PassAsync(source, format, options, actor, "writing", useStore: true, progress, ct);
        var committed = options.SkipInvalid || write.Rejected.Count == 0;
        return ImportSummary.Report(write, committed, dryRun: false);
    }

    private static async Task<FileStream> BufferAsync(Stream input, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await input.CopyToAsync(file, ct);
        file.Position = 0;
        return file;
    }

    private async Task<PassTally> PassAsync(Stream source, ImportFormat format, ImportOptions options, Actor actor,
        string phase, bool useStore, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var tally = new PassTally();
        var firstLineOfCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var batch = new List<ImportCandidate>(BatchSize);
        var batchChars = 0L;
        await foreach (var parsed in ImportReaders.For(format, options.KeepTimestamps, Limits).ReadAsync(source, ct))
        {
            if (++tally.Rows > MaxRows)
                throw new ImportFileException(ImportFileErrorKind.TooLarge,
                    $"Tệp có hơn {MaxRows:N0} dòng; hãy chia nhỏ (the file has more than {MaxRows:N0} rows; split it)");
            batch.Add(MarkDuplicate(parsed, firstLineOfCode));
            batchChars += ApproximateChars(parsed);
            if (batch.Count < BatchSize && batchChars < MaxBatchChars) continue;
            await FlushAsync(batch, options, actor, useStore, tally, ct);
            batchChars = 0;
            progress?.Report(new ImportProgress(phase, tally.Rows, tally.Done));
        }
        if (batch.Count > 0) await FlushAsync(batch, options, actor, useStore, tally, ct);
        progress?.Report(new ImportProgress(phase, tally.Rows, tally.Done));
        return tally;
    }

    private static long ApproximateChars(ImportCandidate row) => row.Record is { } record
        ? JsonSerializer.SerializeToUtf8Bytes(record, RegistryJson.Options).Length
        : row.Errors.Sum(e => (long)e.Length);

    /// <summary>
    /// The same code twice in one file is a mistake the store cannot see across batches (each batch is checked on
    /// its own): the later row is rejected, naming the first.
    /// </summary>
    private static ImportCandidate MarkDuplicate(ImportCandidate row, Dictionary<string, int> firstLineOfCode)
    {
        if (row.StateSecret || string.IsNullOrWhiteSpace(row.Code)) return row;
        var code = row.Code.Trim();
        if (code.Length > TextLimits.Code) return row; // the store refuses it anyway; not worth remembering
        if (firstLineOfCode.TryAdd(code, row.Line)) return row;
        var first = firstLineOfCode[code];
        return row with
        {
            Record = null,
            Errors = [.. row.Errors, $"Dòng {row.Line}: mã số '{code}' trùng với dòng {first} trong cùng tệp " +
                                     $"(line {row.Line}: code '{code}' already used on line {first} of this file)"],
        };
    }

    private async Task FlushAsync(List<ImportCandidate> batch, ImportOptions options, Actor actor, bool useStore,
        PassTally tally, CancellationToken ct)
    {
        if (useStore)
        {
            var outcome = await store.UpsertBatchAsync(batch.ToList(), options, actor, ct);
            foreach (var row in outcome.Rows) tally.Add(row);
        }
        else
        {
            // Parse-only pass (skipInvalid): rows the readers already flagged are known rejections.
            foreach (var row in batch.Where(r => r.StateSecret || r.Errors.Count > 0))
                tally.Add(new RowResult(row.Line, row.StateSecret ? null : row.Code, RowOutcome.Rejected, null, row.Errors));
        }
        tally.Done += batch.Count;
        batch.Clear();
    }
}

/// <summary>Counts of one pass over the file.</summary>
internal sealed class PassTally
{
    public int Rows;
    public int Done;
    public int Created;
    public int Updated;
    public int Unchanged;
    public List<RejectedRow> Rejected { get; } = [];

    public void Add(RowResult row)
    {
        switch (row.Outcome)
        {
            case RowOutcome.Created: Created++; break;
            case RowOutcome.Updated: Updated++; break;
            case RowOutcome.Unchanged: Unchanged++; break;
            default: Rejected.Add(new RejectedRow(row.Line, row.Code, row.Reasons)); break;
        }
    }
}
