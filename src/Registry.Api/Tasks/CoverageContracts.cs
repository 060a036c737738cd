using Registry.Data.Records;

namespace Registry.Api.Tasks;

/// <summary>GET /tasks/{id}/coverage: the task's media coverage, newest first.</summary>
public sealed record CoverageListResponse(CoverageListMeta Meta, IReadOnlyList<CoverageItemView> Results);

/// <param name="Count">Items of coverage the task has.</param>
public sealed record CoverageListMeta(int Count);

/// <summary>One item of media coverage with its kind's labels.</summary>
/// <param name="Url">Link to the article, broadcast, post or event page (http or https).</param>
/// <param name="Outlet">Cơ quan báo chí, kênh: the outlet, e.g. Báo Phú Thọ.</param>
/// <param name="Kind">press, television, radio, portal, socialNetwork or event.</param>
/// <param name="KindDisplayName">Vietnamese label of the kind, e.g. Báo chí.</param>
/// <param name="KindDisplayNameEn">English label of the kind, e.g. Press.</param>
/// <param name="Date">Date of publication or broadcast (never in the future).</param>
/// <param name="Title">Headline or title of the item.</param>
public sealed record CoverageItemView(string Url, string? Outlet, CoverageKind Kind, string KindDisplayName, string KindDisplayNameEn, DateOnly Date, string? Title)
{
    public static CoverageItemView Of(CoverageRecord item)
    {
        var label = EnumLabels.CoverageKind.Of(item.Kind!.Value);
        return new(item.Url!, item.Outlet, item.Kind.Value, label.Vi, label.En, item.Date!.Value, item.Title);
    }

    /// <summary>Newest first; items of one day keep the order they were recorded in.</summary>
    public static IReadOnlyList<CoverageItemView> List(IReadOnlyList<CoverageRecord>? items) =>
        (items ?? []).Select((item, i) => (item, i)).OrderByDescending(p => p.item.Date).ThenBy(p => p.i).Select(p => Of(p.item)).ToList();
}
