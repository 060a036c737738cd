using System.Text.Json.Serialization;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.Catalog;

/// <summary>The <c>meta</c> of a catalogue list (DESIGN.md's list envelope).</summary>
/// <param name="Count">How many items the whole listing holds.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="PageSize">The page size used.</param>
public sealed record CatalogListMeta(
    long Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor,
    int PageSize);

/// <summary>A host organization (tổ chức chủ trì) in a list.</summary>
/// <param name="PublishedTaskCount">Its published tasks; drafts and withdrawn tasks are not counted.</param>
public sealed record OrganizationView(string Id, string Name, OrganizationType? Type, string? Province, string? Commune,
    int PublishedTaskCount)
{
    /// <summary>ROR id, https://ror.org/0xxxxxxNN, when known.</summary>
    public string? Ror { get; init; }
}

public sealed record OrganizationListResponse(CatalogListMeta Meta, IReadOnlyList<OrganizationView> Results);

/// <summary>One organization with totals over its published tasks.</summary>
/// <param name="BudgetTotalVnd">Sum of the total budgets of its published tasks, VND.</param>
/// <param name="StateBudgetVnd">Sum of their state-budget shares, VND.</param>
/// <param name="LatestPublishedAt">When its most recent task was first published.</param>
/// <param name="Tasks">Link to its published tasks.</param>
public sealed record OrganizationDetailView(string Id, string Name, OrganizationType? Type, string? Province, string? Commune,
    int PublishedTaskCount, long BudgetTotalVnd, long StateBudgetVnd, DateTimeOffset? LatestPublishedAt, string Tasks)
{
    /// <summary>ROR id, https://ror.org/0xxxxxxNN, when known.</summary>
    public string? Ror { get; init; }
}

/// <summary>Published tasks of an organization (public records: no contact e-mail or phone).</summary>
public sealed record OrganizationTaskListResponse(CatalogListMeta Meta, IReadOnlyList<TaskRecord> Results);

/// <summary>A field of science (level 1) with its sectors (level 2), or a sector.</summary>
/// <param name="DisplayName">Vietnamese name (Circular 24/2025/TT-BKHCN).</param>
/// <param name="Count">Published tasks classified under it (a task counts once per node).</param>
public sealed record FieldView(string Code, string DisplayName, string DisplayNameEn, int Count, IReadOnlyList<FieldView>? Sectors);

/// <param name="Count">Number of fields (6).</param>
/// <param name="SectorCount">Number of sectors (46).</param>
public sealed record FieldTreeMeta(int Count, int SectorCount);

public sealed record FieldTreeResponse(FieldTreeMeta Meta, IReadOnlyList<FieldView> Results);

/// <param name="GroupBy">The grouping asked for.</param>
/// <param name="Count">Number of buckets.</param>
/// <param name="TaskCount">Published tasks counted (for field and sector, a task in several buckets counts in each).</param>
public sealed record StatisticsMeta(string GroupBy, int Count, int TaskCount, int? YearFrom, int? YearTo, string? Field);

public sealed record StatisticsResponse(StatisticsMeta Meta, IReadOnlyList<StatisticsBucket> Results);

/// <param name="NextReportingDeadline">The next 1 June or 1 December (Vietnam time) on or after the moment of reading.</param>
/// <param name="Year">The year filter, if any.</param>
/// <param name="Count">Number of rows.</param>
/// <param name="AsOf">The instant the figures describe: now, or the end of <paramref name="Period"/>.</param>
/// <param name="Period">The period asked for (YYYY-H1 / YYYY-H2), if any.</param>
/// <param name="Provisional">True when the period is in progress: figures as of now.</param>
/// <param name="PreviousAsOf">With a period: the end of the previous period, which each row's change compares with.</param>
public sealed record CoverageMeta(DateTimeOffset AsOf, DateOnly NextReportingDeadline, int? Year, int Count,
    string? Period = null, bool Provisional = false, DateTimeOffset? PreviousAsOf = null);

public sealed record CoverageResponse(CoverageMeta Meta, IReadOnlyList<CoverageRow> Results, CoverageTotals Totals);

/// <summary>One public-relevant change.</summary>
/// <param name="Sequence">Position in the change log (increasing).</param>
/// <param name="Id">Public id of the task: GET /api/v1/tasks/{id} gives its state now (200, or 410 once withdrawn).</param>
/// <param name="Change">created (first published), updated, or withdrawn (left the public catalogue).</param>
/// <param name="At">When the change was made.</param>
public sealed record ChangeView(long Sequence, string Id, PublicChangeKind Change, DateTimeOffset At);

/// <param name="Count">Changes on this page.</param>
/// <param name="NextCursor">Always set: pass it as <c>since</c> next time, even when this page is empty.</param>
/// <param name="HasMore">More changes are waiting: ask again at once rather than after your polling interval.</param>
public sealed record ChangeListMeta(int Count, string NextCursor, int PageSize, bool HasMore);

public sealed record ChangeListResponse(ChangeListMeta Meta, IReadOnlyList<ChangeView> Results);

/// <param name="Count">Number of outputs.</param>
/// <param name="TaskId">The task they belong to.</param>
public sealed record OutputListMeta(int Count, string TaskId);

public sealed record OutputListResponse(OutputListMeta Meta, IReadOnlyList<OutputRecord> Results);
