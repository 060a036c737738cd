using Registry.Api.Problems;
using Registry.Api.Search;
using Registry.Data.Catalog;
using Registry.Search.Model;

namespace Registry.Api.Tasks;

/// <summary>Suggestions for the search box and tasks related to a task, both from the search engine.</summary>
public static class TaskDiscovery
{
    public const int MaxSuggestions = 10;
    public const int MaxRelated = 10;

    public static async Task<IResult> Suggest(HttpRequest request, ISearchIndex index, CancellationToken ct)
    {
        var q = request.Query["q"].LastOrDefault()?.Trim();
        if (string.IsNullOrEmpty(q))
        {
            return ApiProblems.Validation("q", "Hãy gửi phần đầu của từ cần gợi ý trong q, ví dụ q=chuyen (send the beginning of a word in q).");
        }

        if (q.Length > 100) return ApiProblems.Validation("q", "q dài tối đa 100 ký tự (q may be at most 100 characters).");
        var suggestions = await index.SuggestAsync(q, MaxSuggestions, ct);
        return TypedResults.Ok(new SuggestResponse(suggestions.Take(MaxSuggestions).Select(s => new SuggestionView(s.Text, s.Source, s.Count)).ToList()));
    }

    /// <summary>Answers as GET /tasks/{id} would for a task that is not public (404 / 410), else the related tasks.</summary>
    public static async Task<IResult> Related(string id, IPublicCatalog catalog, ISearchIndex index, CancellationToken ct)
    {
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is not PublicTaskLookup.Found) return TaskHandlers.NotPublic(lookup, TaskHandlers.WithThisId);

        var hits = await index.RelatedAsync(id, MaxRelated, ct);
        return TypedResults.Ok(new RelatedResponse(hits.Select(h => RecordSelection.Project(h.Record, null)).ToList()));
    }
}
