using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Registry.Api.Problems;
using Registry.Data.Import;

namespace Registry.Api.Imports;

/// <summary>An uploaded import file, copied to disk so it can be read twice and outlive the request.</summary>
/// <param name="Lines">Newlines in the file: an upper bound of its rows for text formats, used to pick inline or job.</param>
public sealed record UploadedFile(string Path, long Length, ImportFormat Format, string? FileName, long Lines)
{
    public void Delete() => ImportUpload.TryDelete(Path);
}

/// <summary>Reads the request body (raw or multipart <c>file</c> part) into a temp file, enforcing the size limit.</summary>
public static class ImportUpload
{
    private const long MultipartOverhead = 64 * 1024;

    /// <summary>Uploads wait in the data directory's imports/ folder (one file each, deleted when their import ends).</summary>
    public static string Folder(Registry.Data.RegistryDataOptions data) => System.IO.Path.Combine(data.DataDirectoryFullPath, "imports");

    /// <summary>
    /// Deletes every file in the folder: uploads hold rows that may be secret, so none may outlive the process that
    /// received it (a crash skips the deletion at the end of an import). Returns how many were deleted.
    /// </summary>
    public static int DeleteLeftovers(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(folder))
            if (TryDelete(path)) removed++;
        return removed;
    }

    internal static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held open for a moment (e.g. by a scanner): the next start of the worker clears the folder.
            return false;
        }
    }

    public static async Task<(UploadedFile? File, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, string directory, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes + MultipartOverhead) return (null, ImportProblems.TooLarge(maxBytes));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + MultipartOverhead;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)) return (null, ImportProblems.UnsupportedMediaType(request.ContentType));
        if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMultipartAsync(request, mediaType, directory, maxBytes, ct);
        }

        if (ImportFormatDetector.FromNameOrContentType(null, request.ContentType) is not { } format)
        {
            return (null, ImportProblems.UnsupportedMediaType(request.ContentType));
        }

        return await SaveAsync(request.Body, directory, maxBytes, format, null, ct);
    }

    private static async Task<(UploadedFile?, ProblemHttpResult?)> ReadMultipartAsync(
        HttpRequest request, MediaTypeHeaderValue mediaType, string directory, long maxBytes, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return (null, ApiProblems.BadRequest("Thiếu boundary của multipart (multipart boundary missing)."));

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            if (!string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.OrdinalIgnoreCase)) continue;

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            var format = ImportFormatDetector.FromNameOrContentType(fileName, section.ContentType);
            var (file, problem) = await SaveAsync(section.Body, directory, maxBytes, format ?? ImportFormat.Csv, fileName, ct);
            if (file is null || format is not null) return (file, problem);

            // Neither the name nor the part's type said what it is: look at the first bytes.
            await using var stream = File.OpenRead(file.Path);
            return (file with { Format = ImportFormatDetector.Detect(stream) }, null);
        }

        return (null, ApiProblems.Validation("file", "Gửi tệp trong phần 'file' của multipart/form-data (send the file in a 'file' part)."));
    }

    private static async Task<(UploadedFile?, ProblemHttpResult?)> SaveAsync(
        Stream body, string directory, long maxBytes, ImportFormat format, string? fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, $"upload-{Guid.NewGuid():N}.tmp");
        long length = 0, lines = 0;
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                length += read;
                if (length > maxBytes) break;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch
        {
            // The client went away or the disk filled: a partial upload is deleted like a finished one.
            TryDelete(path);
            throw;
        }

        var file = new UploadedFile(path, length, format, fileName, lines);
        if (length <= maxBytes) return (file, null);
        file.Delete();
        return (null, ImportProblems.TooLarge(maxBytes));
    }
}
