using Lucene.Net.Store;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Behaviour;

/// <summary>One Lucene index in memory, seeded with the corpus, shared by the read-only tests of a run.</summary>
public sealed class LuceneSeededIndex : IDisposable
{
    public LuceneSeededIndex()
    {
        Index = new LuceneSearchIndex(new RAMDirectory(), TimeSpan.FromSeconds(5));
        Index.UpsertAsync(SeededCorpus.Records).GetAwaiter().GetResult();
    }

    public LuceneSearchIndex Index { get; }

    public void Dispose() => Index.Dispose();
}

public sealed class LuceneBehaviourTests(LuceneSeededIndex seeded) : SearchIndexBehaviour, IClassFixture<LuceneSeededIndex>, IDisposable
{
    private readonly List<LuceneSearchIndex> _owned = [];

    protected override ISearchIndex Seeded => seeded.Index;

    protected override Task<ISearchIndex> CreateEmptyAsync()
    {
        var index = new LuceneSearchIndex(new RAMDirectory(), TimeSpan.FromSeconds(5));
        _owned.Add(index);
        return Task.FromResult<ISearchIndex>(index);
    }

    public void Dispose()
    {
        foreach (var index in _owned) index.Dispose();
    }
}

/// <summary>
/// The seeded corpus written in several batches (several segments) and every search cut into three doc ranges
/// scored on separate threads, so the whole behaviour suite also checks that merging the ranges' top hits,
/// totals, facet counts and cursors gives what one thread gives.
/// </summary>
public sealed class LuceneSplitSeededIndex : IDisposable
{
    internal static readonly SearchParallelism Split = new(MaxRanges: 3, MinDocsPerRange: 1, EvenWhenBusy: true);

    public LuceneSplitSeededIndex()
    {
        Index = new LuceneSearchIndex(new RAMDirectory(), TimeSpan.FromSeconds(5)) { Parallelism = Split };
        foreach (var batch in SeededCorpus.Records.Chunk(70)) Index.UpsertAsync(batch).GetAwaiter().GetResult();
    }

    public LuceneSearchIndex Index { get; }

    public void Dispose() => Index.Dispose();
}

public sealed class LuceneSplitSearchBehaviourTests(LuceneSplitSeededIndex seeded)
    : SearchIndexBehaviour, IClassFixture<LuceneSplitSeededIndex>, IDisposable
{
    private readonly List<LuceneSearchIndex> _owned = [];

    protected override ISearchIndex Seeded => seeded.Index;

    protected override Task<ISearchIndex> CreateEmptyAsync()
    {
        var index = new LuceneSearchIndex(new RAMDirectory(), TimeSpan.FromSeconds(5)) { Parallelism = LuceneSplitSeededIndex.Split };
        _owned.Add(index);
        return Task.FromResult<ISearchIndex>(index);
    }

    public void Dispose()
    {
        foreach (var index in _owned) index.Dispose();
    }
}
