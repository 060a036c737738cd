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
