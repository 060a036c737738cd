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

/// <summary>The behaviour suite on Lucene; empty indexes made by a test are disposed with it.</summary>
public abstract class LuceneBehaviourSuite : SearchIndexBehaviour, IDisposable
{
    private readonly List<LuceneSearchIndex> _owned = [];
    private readonly ISearchIndex _seeded;
    private readonly SearchParallelism _parallelism;

    private protected LuceneBehaviourSuite(ISearchIndex seeded, SearchParallelism parallelism) =>
        (_seeded, _parallelism) = (seeded, parallelism);

    protected override ISearchIndex Seeded => _seeded;

    protected override Task<ISearchIndex> CreateEmptyAsync()
    {
        var index = new LuceneSearchIndex(new RAMDirectory(), TimeSpan.FromSeconds(5)) { Parallelism = _parallelism };
        _owned.Add(index);
        return Task.FromResult<ISearchIndex>(index);
    }

    public void Dispose()
    {
        foreach (var index in _owned) index.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class LuceneBehaviourTests(LuceneSeededIndex seeded)
    : LuceneBehaviourSuite(seeded.Index, SearchParallelism.Default), IClassFixture<LuceneSeededIndex>;

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
    : LuceneBehaviourSuite(seeded.Index, LuceneSplitSeededIndex.Split), IClassFixture<LuceneSplitSeededIndex>;
