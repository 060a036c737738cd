using System.Text.Json;
using Registry.Data.Records;

namespace Registry.Search.Tests.Relevance.Real;

/// <summary>One judged query of the real set: task code → grade (2 squarely relevant, 1 related, unlisted 0).</summary>
public sealed record RealQuery(string Text, IReadOnlyDictionary<string, int> Grades)
{
    /// <summary>Typed with at least one Vietnamese mark (tone or letter shape, đ included).</summary>
    public bool HasDiacritics => Text.Normalize(System.Text.NormalizationForm.FormD).Any(c => c > 127);
}

/// <summary>
/// The real development set (<c>Relevance/Real</c>): task records of real state-funded S&amp;T tasks taken from
/// official announcements (see its SOURCES.md) and queries judged by reading the records, never from an engine's
/// output. Task ids are the codes, so judgments and hits compare directly.
/// </summary>
public static class RealSet
{
    /// <summary>The set's folder; <c>REGISTRY_RELEVANCE_DIR</c> points the same measurement at another judged set of
    /// the same format (the first development set in <c>../shared/relevance</c>, or a held-out one).</summary>
    private static string Dir =>
        Environment.GetEnvironmentVariable("REGISTRY_RELEVANCE_DIR") is { Length: > 0 } other
            ? other
            : Path.Combine(AppContext.BaseDirectory, "Relevance", "Real");

    private static readonly Lazy<IReadOnlyList<TaskRecord>> LazyTasks = new(() =>
        File.ReadLines(Path.Combine(Dir, "tasks.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<TaskRecord>(l, RegistryJson.Options)!)
            .Select(r => r with { Id = r.Code, Visibility = Visibility.Published })
            .ToList());

    private static readonly Lazy<IReadOnlyList<RealQuery>> LazyQueries = new(() =>
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "queries.json")));
        return json.RootElement.EnumerateArray()
            .Select(e => new RealQuery(e.GetProperty("q").GetString()!,
                e.GetProperty("relevant").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())))
            .ToList();
    });

    public static IReadOnlyList<TaskRecord> Tasks => LazyTasks.Value;
    public static IReadOnlyList<RealQuery> Queries => LazyQueries.Value;
}
