using System.Text;
using System.Text.Json;
using Registry.Api.Problems;
using Registry.Api.Search;
using Registry.Api.Tasks;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.Exports;

/// <summary>
/// GET /tasks/export.csv and /tasks/export.jsonl: every task matching a search, streamed page by page from the
/// engine (constant memory, no size cap) and flushed as it goes.
/// </summary>
public static class ExportHandlers
{
    public static Task ExportCsv(HttpContext context, ISearchIndex index) =>
        Export(context, index, ExportMediaTypes.Csv + "; charset=utf-8", "csv", async (writer, records, ct) =>
        {
            await CsvExportWriter.WriteHeaderAsync(writer);
            await WriteAll(writer, records, CsvExportWriter.WriteRowAsync, ct);
        }, CsvExportWriter.Encoding);

    public static Task ExportJsonLines(HttpContext context, ISearchIndex index) =>
        Export(context, index, ExportMediaTypes.JsonLines + "; charset=utf-8", "jsonl", (writer, records, ct) =>
            WriteAll(writer, records, (w, r) => w.WriteAsync(JsonSerializer.Serialize(r, RegistryJson.Options) + "\n"), ct),
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static async Task Export(HttpContext context, ISearchIndex index, string contentType, string extension,
        Func<TextWriter, IAsyncEnumerable<TaskRecord>, CancellationToken, Task> write, Encoding encoding)
    {
        var read = SearchRequestReader.Read(context.Request.Query, SearchSurface.Export);
        if (!read.IsValid)
        {
            await ApiProblems.Validation(read.Errors, TaskSearch.DescribeErrors(read.Errors)).ExecuteAsync(context);
            return;
        }

        var ct = context.RequestAborted;
        // The first page is read before the first byte: a failure there is still an honest problem answer.
        await using var records = ExportPages.StreamAsync(index, read.Request, ct).GetAsyncEnumerator(ct);
        var any = await records.MoveNextAsync();
        var response = context.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"nhiem-vu-khcn-{DateTime.UtcNow:yyyyMMdd}.{extension}\"";
        // Not disposed on failure: disposing would flush half a row into a response that is about to be aborted.
        var writer = new StreamWriter(response.Body, encoding, bufferSize: 64 * 1024, leaveOpen: true);
        try
        {
            await write(writer, Rest(records, any), ct);
            await writer.FlushAsync(ct);
            await writer.DisposeAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException && response.HasStarted)
        {
            // A 200 already on its way cannot become an error: abort the connection so the client sees a failed
            // download, never a complete-looking truncated file. (Before the first flush the exception handler
            // still answers with a problem.)
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExportHandlers))
                .LogError("Export aborted after the response started: {ExceptionType}", e.GetType().FullName);
            context.Abort();
        }
    }

    /// <summary>The records of a primed enumerator: the current one (when there was one), then the rest.</summary>
    private static async IAsyncEnumerable<TaskRecord> Rest(IAsyncEnumerator<TaskRecord> records, bool any)
    {
        if (!any) yield break;
        do yield return records.Current;
        while (await records.MoveNextAsync());
    }

    private static async Task WriteAll(TextWriter writer, IAsyncEnumerable<TaskRecord> records, Func<TextWriter, TaskRecord, Task> row, CancellationToken ct)
    {
        var n = 0;
        await foreach (var record in records.WithCancellation(ct))
        {
            await row(writer, record);
            // Flush every page so the client receives rows while the next page is fetched.
            if (++n % ExportPages.PageSize == 0) await writer.FlushAsync(ct);
        }
    }
}
