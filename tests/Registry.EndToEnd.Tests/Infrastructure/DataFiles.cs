using Registry.Api.Hosting;

namespace Registry.EndToEnd.Tests.Infrastructure;

/// <summary>Every byte a running host keeps in its data directory, for tests that prove something is nowhere.</summary>
public static class DataFiles
{
    /// <summary>
    /// Each file's path and content, read while the host runs. The directory lock is skipped (held exclusively by
    /// the host and always empty), and so is a file deleted between listing and opening (nothing left to leak).
    /// </summary>
    public static IEnumerable<(string Path, byte[] Bytes)> ReadAll(string dataDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == DataDirectoryLock.FileName) continue;
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                continue;
            }
            yield return (file, bytes);
        }
    }

    /// <summary>The first file holding <paramref name="text"/> (UTF-8), or null.</summary>
    public static string? FindContaining(string dataDirectory, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return ReadAll(dataDirectory).Where(f => f.Bytes.AsSpan().IndexOf(needle) >= 0).Select(f => f.Path).FirstOrDefault();
    }
}
