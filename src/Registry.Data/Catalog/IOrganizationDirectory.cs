using Registry.Data.Records;

namespace Registry.Data.Catalog;

/// <summary>
/// Tổ chức chủ trì as the public sees them: only organizations hosting at least one published task exist here, and
/// only published tasks are counted or listed (invariant 2).
/// </summary>
public interface IOrganizationDirectory
{
    /// <summary>
    /// Organizations whose name contains <paramref name="query"/> ignoring case and diacritics ("hung vuong" finds
    /// "Trường Đại học Hùng Vương"), ordered by folded name then id; all of them when the query is empty.
    /// </summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by this method.</exception>
    Task<OrganizationPage> SearchAsync(string? query, string? cursor, int pageSize, CancellationToken ct = default);

    /// <summary>The organization with its published-task count and budget totals; null when unknown or not public.</summary>
    Task<OrganizationDetail?> FindAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Several organizations at once, each with its published-task count, as <see cref="SearchAsync"/> lists them: a
    /// fixed number of store queries whatever their number (GraphQL asks for every organization of a level together).
    /// Organizations that are unknown or not public are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, OrganizationSummary>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>
    /// Every public organization with the time its public face last changed: its own last update or the first
    /// publication of its newest published task (when it became, or became again, public), whichever is later.
    /// In no particular order; there are a few thousand at most, so harvesters' windows and pages are cut in memory.
    /// </summary>
    Task<IReadOnlyList<OrganizationStamp>> ListStampsAsync(CancellationToken ct = default);

    /// <summary>Its published tasks (public projection), newest publication first; null when the organization is not public.</summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by this method.</exception>
    Task<PublicTaskPage?> ListPublishedTasksAsync(string id, string? cursor, int pageSize, CancellationToken ct = default);

    /// <summary>
    /// The same page for several organizations at once, ordered and counted as <see cref="ListPublishedTasksAsync(string, string?, int, CancellationToken)"/>
    /// with the cursor applied to each: a fixed number of store queries whatever their number (GraphQL asks for
    /// every organization of a level together). Organizations that are unknown or not public are absent.
    /// </summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by these methods.</exception>
    Task<IReadOnlyDictionary<string, PublicTaskPage>> ListPublishedTasksAsync(IReadOnlyCollection<string> ids, string? cursor, int pageSize,
        CancellationToken ct = default);
}

/// <summary>A public organization's id and the time its public record last changed.</summary>
public sealed record OrganizationStamp(string Id, DateTimeOffset ChangedAt);

public sealed record OrganizationSummary(string Id, string Name, OrganizationType? Type, string? Province, string? Commune,
    int PublishedTaskCount)
{
    /// <summary>ROR id as https://ror.org/0xxxxxxNN, when known.</summary>
    public string? Ror { get; init; }
}

/// <param name="BudgetTotalVnd">Sum of the total budgets of its published tasks (tasks without a budget add 0).</param>
/// <param name="StateBudgetVnd">Sum of their state-budget shares.</param>
public sealed record OrganizationDetail(string Id, string Name, OrganizationType? Type, string? Province, string? Commune,
    int PublishedTaskCount, long BudgetTotalVnd, long StateBudgetVnd, DateTimeOffset? LatestPublishedAt)
{
    /// <summary>ROR id as https://ror.org/0xxxxxxNN, when known.</summary>
    public string? Ror { get; init; }

    /// <summary>When its public record last changed, as <see cref="IOrganizationDirectory.ListStampsAsync"/> dates it.</summary>
    public DateTimeOffset? ChangedAt { get; init; }
}

/// <param name="Count">All organizations matching the query, across pages.</param>
public sealed record OrganizationPage(IReadOnlyList<OrganizationSummary> Results, string? NextCursor, int Count);

/// <summary>A page of public task records (contacts stripped).</summary>
public sealed record PublicTaskPage(IReadOnlyList<TaskRecord> Results, string? NextCursor, int Count);
