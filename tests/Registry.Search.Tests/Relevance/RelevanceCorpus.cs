using Registry.Data.Records;
using Registry.Search.Analysis;
using Registry.Search.Tests.Corpus;

namespace Registry.Search.Tests.Relevance;

/// <summary>
/// The judged corpus: the 204 seeded tasks plus 400 deterministic noise tasks whose titles and summaries are
/// words drawn at random from all topics. Noise shares the vocabulary (so it matches scattered syllables) but
/// not the subjects, which is exactly where a search engine has to rank well. Noise is never relevant.
/// </summary>
public static class RelevanceCorpus
{
    public const int NoiseCount = 400;
    public const string NoiseKey = "NOISE";

    private static readonly Lazy<IReadOnlyList<TaskRecord>> LazyRecords = new(Build);

    public static IReadOnlyList<TaskRecord> Records => LazyRecords.Value;

    /// <summary>The topic key a hit is judged by.</summary>
    public static string KeyOf(string id) => id.StartsWith("n-", StringComparison.Ordinal) ? NoiseKey : SeededCorpus.KeyOf(id);

    private static IReadOnlyList<TaskRecord> Build()
    {
        var words = SeededCorpus.Topics
            .SelectMany(t => VietnameseText.Tokenize(t.Title + " " + t.Summary))
            .Select(w => w.ToLowerInvariant())
            .ToList();
        var random = new Random(20250701);
        var template = SeededCorpus.Records[0];
        var noise = Enumerable.Range(1, NoiseCount).Select(i =>
        {
            string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Count)]));
            var topic = SeededCorpus.Topics[random.Next(SeededCorpus.Topics.Count)];
            var title = Words(random.Next(7, 12));
            return template with
            {
                Id = $"n-{i:D3}",
                Code = $"NX-{i:D3}",
                Title = char.ToUpperInvariant(title[0]) + title[1..],
                Keywords = [Words(2), Words(2)],
                Summary = Words(random.Next(14, 22)) + ".",
                Objectives = Words(12) + ".",
                Fields = [topic.Field],
            };
        });
        return SeededCorpus.Records.Concat(noise).ToList();
    }
}
