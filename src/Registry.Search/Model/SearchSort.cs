namespace Registry.Search.Model;

public enum SortBy
{
    /// <summary>Best match first; without a query, newest first.</summary>
    Relevance,
    /// <summary>By planned start date.</summary>
    Newest,
    /// <summary>By total budget (VND).</summary>
    Budget,
    /// <summary>By planned end date.</summary>
    EndDate,
    /// <summary>By last change (updatedAt): what feeds and harvesters want, newest first.</summary>
    Updated,
}

public enum SortDirection { Descending, Ascending }

/// <summary>A sort; every engine appends the task id as a tie-breaker so paging is stable.</summary>
public sealed record SearchSort(SortBy Field, SortDirection Direction)
{
    public static readonly SearchSort Default = new(SortBy.Relevance, SortDirection.Descending);

    /// <summary>Parses "relevance", "newest", "budget", "endDate", "updated", optionally prefixed by '-' (descending) or '+'.</summary>
    public static bool TryParse(string? text, out SearchSort sort)
    {
        sort = Default;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim();
        SortDirection? direction = t[0] switch { '-' => SortDirection.Descending, '+' => SortDirection.Ascending, _ => null };
        if (direction is not null) t = t[1..];
        var option = Declared.FirstOrDefault(o => string.Equals(o.Name, t, StringComparison.OrdinalIgnoreCase));
        if (option is null) return false;
        // Newest and relevance read naturally descending; budget and end date default to descending as well
        // (largest, latest first) unless '+' asks otherwise.
        sort = new SearchSort(option.By, direction ?? SortDirection.Descending);
        return true;
    }

    /// <summary>Every sort the API offers, in the order it lists them: what <see cref="TryParse"/> accepts and what
    /// GET /filters and the parameter docs describe.</summary>
    public static IReadOnlyList<SortOption> Declared { get; } =
    [
        new(SortBy.Relevance, "Phù hợp nhất trước; không có q thì mới nhất trước (best match first; without q, newest first)."),
        new(SortBy.Newest, "Theo ngày bắt đầu dự kiến (by planned start date)."),
        new(SortBy.Budget, "Theo tổng kinh phí (by total budget, VND)."),
        new(SortBy.EndDate, "Theo ngày kết thúc dự kiến (by planned end date)."),
        new(SortBy.Updated, "Theo lần thay đổi gần nhất, như nguồn tin và máy thu thập cần (by last change, updatedAt, as feeds and harvesters want)."),
    ];

    /// <summary>The names accepted by <see cref="TryParse"/>, for error messages and API docs.</summary>
    public static IReadOnlyList<string> Names { get; } = Declared.Select(o => o.Name).ToList();

    public override string ToString() => (Direction == SortDirection.Ascending ? "+" : "-") + SortOption.NameOf(Field);
}

/// <summary>A sort the API offers: <see cref="Name"/> is what <c>sort</c> takes, <see cref="Description"/> what it orders by.</summary>
public sealed record SortOption(SortBy By, string Description)
{
    public string Name => NameOf(By);

    /// <summary>The camelCase name of a sort field ("endDate").</summary>
    public static string NameOf(SortBy by) => char.ToLowerInvariant(by.ToString()[0]) + by.ToString()[1..];
}
