using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Directory = Lucene.Net.Store.Directory;

namespace Registry.Search.Lucene;

public sealed partial class LuceneSearchIndex
{
    /// <summary>True when the index found at start could not be opened and was replaced by an empty one.</summary>
    public bool RecoveredFromDamage { get; private set; }

    /// <summary>
    /// Opens the index in <paramref name="path"/>. An index that cannot be opened (a garbage, truncated or missing
    /// segment file, a format this Lucene cannot read) would otherwise stop the service from starting, although
    /// everything in it can be rebuilt from the store: it is moved aside to <c>&lt;path&gt;.corrupt-&lt;UTC time&gt;</c>
    /// (kept for a post-mortem) and an empty index takes its place, which the start-up bootstrap then rebuilds.
    /// The one failure kept is a held write lock: another process owns this index, and moving it would hurt that one.
    /// </summary>
    private (Directory, IndexWriter, SearcherManager) OpenOrSetAside(string path)
    {
        var directory = FSDirectory.Open(path);
        try
        {
            var (writer, manager) = Open(directory);
            return (directory, writer, manager);
        }
        catch (Exception e) when (e is not LockObtainFailedException and not OutOfMemoryException)
        {
            directory.Dispose();
            var aside = SetAside(path);
            _logger.LogError("Không mở được chỉ mục tìm kiếm ({Error}); đã chuyển sang {Aside} và sẽ dựng lại từ kho (search index could not be opened: {Error}; moved to {Aside}, rebuilding from the store)",
                e.GetType().Name, aside, e.GetType().Name, aside);
            RecoveredFromDamage = true;
            directory = FSDirectory.Open(path);
            var (writer, manager) = Open(directory);
            return (directory, writer, manager);
        }
    }

    private static string SetAside(string path)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var aside = $"{Path.TrimEndingDirectorySeparator(path)}.corrupt-{stamp}";
        for (var n = 2; System.IO.Directory.Exists(aside); n++) aside = $"{Path.TrimEndingDirectorySeparator(path)}.corrupt-{stamp}-{n}";
        System.IO.Directory.Move(path, aside);
        System.IO.Directory.CreateDirectory(path);
        return aside;
    }
}
