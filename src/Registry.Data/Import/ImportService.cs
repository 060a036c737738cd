using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Data.Telemetry;

namespace Registry.Data.Import;

/// <summary>Names an import for the audit log: the job it runs as (null inline) and the uploaded file's name.</summary>
public sealed record ImportSource(string? JobId = null, string? FileName = null);

/// <summary>
/// Runs an import: read, check, write, in ONE pass and ONE transaction (<see cref="ITaskStore.ImportAsync"/>).
/// <para>
/// The file is parsed on one thread and handed in batches of <see cref="BatchSize"/> to the store on another, which
/// checks each batch and writes it into the import's open transaction. Without skipInvalid the first rejected row
/// stops the writing; the rest of the file is still checked so the report names every bad row, then everything is
/// rolled back. A file-level problem (bad encoding at row 80,000, too many rows) rolls back too. So an import is
/// all-or-nothing for the whole file, also across a crash (an uncommitted transaction is discarded), and with
/// skipInvalid valid rows are written and bad rows reported, committed together at the end.
/// </para>
/// A non-seekable input is buffered to a temp file: it is hashed (SHA-256, recorded in the audit log) before it is
/// read, and a retry asked for by the database reads it again from the start.
/// </summary>
public sealed class ImportService(ITaskStore store)
{
    public const int DefaultBatchSize = 1_000;

    /// <summary>More rows than this refuse the whole file (kind <c>tooLarge</c>).</summary>
    public int MaxRows { get; init; } = 1_000_000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// A batch is also sent once its rows hold this many characters as read, so a batch of long rows costs no more
    /// memory than a batch of ordinary ones: with 1,000 rows of ~3 KB a batch is never cut short.
    /// </summary>
    public int MaxBatchChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>Bounds for CSV and Excel; <see cref="ImportReadLimits.MaxBytes"/> follows Registry:Imports:MaxBytes.</summary>
    public ImportReadLimits Limits { get; init; } = new();

    public Task<ImportReport> RunAsync(Stream input, ImportFormat format, ImportOptions options, Actor actor,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        RunAsync(input, format, options, actor, progress, new ImportSource(), ct);

    /// <param name="source">The job and file name, for the audit log.</param>
    public async Task<ImportReport> RunAsync(Stream input, ImportFormat format, ImportOptions options, Actor actor,
        IProgress<ImportProgress>? progress, ImportSource source, CancellationToken ct = default)
    {
        await using var temp = input.CanSeek ? null : await BufferAsync(input, ct);
        var file = temp ?? input;
        var start = file.Position;
        var (sha256, bytes) = await HashAsync(file, ct);
        var run = new ImportRun(source.JobId ?? PublicIds.NewImportId(), actor, format.Name(), source.FileName, sha256, bytes);

        PassTally? tally = null;
        var committed = await store.ImportAsync(run, options, async (session, token) =>
        {
            file.Position = start;
            tally = await PassAsync(file, format, options, session, progress, token);
            tally.Refused = !options.SkipInvalid && tally.Rejected.Count > 0;
            if (tally.Rows == 0)
                throw new ImportFileException(ImportFileErrorKind.Empty, "Tệp không có dòng dữ liệu nào (the file has no data rows)");
            return tally.Refused || options.DryRun ? null : tally.Totals();
        }, ct);

        if (options.DryRun) return ImportSummary.Report(tally!, committed: false, dryRun: true);
        if (tally!.Refused) return ImportSummary.Refused(tally);
        return ImportSummary.Report(tally, committed, dryRun: false);
    }

    private static async Task<FileStream> BufferAsync(Stream input, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await input.CopyToAsync(file, ct);
        file.Position = 0;
        return file;
    }

    /// <summary>SHA-256 and length of the stream from its position on; the position is restored.</summary>
    private static async Task<(string Sha256, long Bytes)> HashAsync(Stream file, CancellationToken ct)
    {
        var start = file.Position;
        var hash = await SHA256.HashDataAsync(file, ct);
        var bytes = file.Position - start;
        file.Position = start;
        return (Convert.ToHexStringLower(hash), bytes);
    }

    /// <summary>
    /// One pass: a reader task parses the file into batches (two cores: parsing overlaps writing), this task hands
    /// them to the store. A reader failure (a file-level problem) surfaces here after the batches before it, and
    /// before any commit; a store failure stops the reader.
    /// </summary>
    private async Task<PassTally> PassAsync(Stream file, ImportFormat format, ImportOptions options, IImportSession session,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var tally = new PassTally();
        var formatName = format.Name();
        var batches = Channel.CreateBounded<IReadOnlyList<ImportCandidate>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadBatchesAsync(file, format, options, session, batches.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
            {
                var outcome = await session.AddAsync(batch, stop.Token);
                var pass = outcome.Committed ? "writing" : "checking";
                var before = tally.Rejected.Count;
                foreach (var row in outcome.Rows) tally.Add(row);
                tally.Rows += batch.Count;
                Record(formatName, pass, batch.Count, tally.Rejected.Count - before);
                progress?.Report(new ImportProgress(pass, tally.Rows, tally.Rows));
            }
        }
        catch
        {
            await stop.CancelAsync();
            try { await reading; }
            catch (Exception) { /* the store's failure is the one to report */ }
            throw;
        }
        await reading; // a file-level problem found after the last batch it produced
        return tally;
    }

    private static void Record(string format, string pass, int rows, int rejected)
    {
        var tags = new KeyValuePair<string, object?>[] { new("format", format), new("pass", pass), new("outcome", "accepted") };
        if (rows - rejected > 0) RegistryTelemetry.ImportRows.Add(rows - rejected, tags);
        tags[2] = new("outcome", "rejected");
        if (rejected > 0) RegistryTelemetry.ImportRows.Add(rejected, tags);
    }

    /// <summary>Parses the file into batches and runs the store's row checks that need no database (<see cref="IImportSession.Prepare"/>) here, on the parsing thread.</summary>
    private async Task ReadBatchesAsync(Stream file, ImportFormat format, ImportOptions options, IImportSession session,
        ChannelWriter<IReadOnlyList<ImportCandidate>> batches, CancellationToken ct)
    {
        try
        {
            var rows = 0;
            var firstLineOfCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var batch = new List<ImportCandidate>(BatchSize);
            var batchChars = 0L;
            await foreach (var parsed in ImportReaders.For(format, options.KeepTimestamps, Limits).ReadAsync(file, ct))
            {
                if (++rows > MaxRows)
                    throw new ImportFileException(ImportFileErrorKind.TooLarge,
                        $"Tệp có hơn {MaxRows:N0} dòng; hãy chia nhỏ (the file has more than {MaxRows:N0} rows; split it)");
                batch.Add(MarkDuplicate(parsed, firstLineOfCode));
                batchChars += ApproximateChars(parsed);
                if (batch.Count < BatchSize && batchChars < MaxBatchChars) continue;
                await batches.WriteAsync(session.Prepare(batch), ct);
                (batch, batchChars) = (new List<ImportCandidate>(BatchSize), 0);
            }
            if (batch.Count > 0) await batches.WriteAsync(session.Prepare(batch), ct);
        }
        finally
        {
            batches.Complete();
        }
    }

    private static long ApproximateChars(ImportCandidate row) => row.Chars > 0 ? row.Chars
        : row.Record is { } record ? JsonSerializer.SerializeToUtf8Bytes(record, RegistryJson.Options).Length
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
}

/// <summary>Counts of one pass over the file.</summary>
internal sealed class PassTally
{
    public int Rows;
    public int Created;
    public int Updated;
    public int Unchanged;
    public List<RejectedRow> Rejected { get; } = [];

    /// <summary>An all-or-nothing import met a rejected row, so nothing is committed.</summary>
    public bool Refused;

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

    public ImportTotals Totals() => new(Rows, Created, Updated, Unchanged, Rejected.Count);
}
