using Registry.Data.Records;

namespace Registry.Api.Problems;

/// <summary>One problem type as JSON: what a client reads at the problem's <c>type</c> URI.</summary>
/// <param name="Type">The problem type URI itself.</param>
/// <param name="Slug">Its last segments, e.g. <c>gone</c> or <c>import-file/encoding</c>.</param>
/// <param name="Status">The HTTP status answered with this type.</param>
/// <param name="Title">The problem's <c>title</c>: Vietnamese, then English in parentheses.</param>
/// <param name="Meaning">What happened.</param>
/// <param name="Fix">How to fix the request.</param>
public sealed record ProblemTypeView(string Type, string Slug, int Status, string Title, LocalizedText Meaning, LocalizedText Fix)
{
    public static ProblemTypeView From(ProblemTypeGuide guide) => new(guide.TypeUri, guide.Slug, guide.Status,
        $"{guide.Title.Vi} ({guide.Title.En})", LocalizedText.From(guide.Meaning), LocalizedText.From(guide.Fix));
}

/// <summary>Every problem type the API answers with.</summary>
public sealed record ProblemTypeListResponse(IReadOnlyList<ProblemTypeView> Results);

/// <summary>A text in Vietnamese and English.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public static LocalizedText From(Label label) => new(label.Vi, label.En);
}
