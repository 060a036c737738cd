using Registry.Data.Catalog;
using Registry.Data.Reference;

namespace Registry.Api.Feeds.Dcat;

/// <summary>
/// What the catalogue says about its one dataset that depends on the data: when it was first published and last
/// changed, the period the tasks cover and the fields of science they belong to. Read in one pass over the public
/// records (the output cache keeps the answer until the index changes).
/// </summary>
/// <param name="Issued">The earliest publication of a task still public.</param>
/// <param name="Modified">The newest change of a public task.</param>
/// <param name="Start">The earliest planned start of a public task.</param>
/// <param name="End">The latest planned end of a public task.</param>
/// <param name="Fields">Level-1 field-of-science codes present, in code order.</param>
public sealed record CatalogFacts(DateTimeOffset? Issued, DateTimeOffset? Modified, DateOnly? Start, DateOnly? End, IReadOnlyList<string> Fields)
{
    public static readonly CatalogFacts Empty = new(null, null, null, null, []);

    public static async Task<CatalogFacts> ReadAsync(IPublicCatalog catalog, CancellationToken ct)
    {
        DateTimeOffset? issued = null, modified = null;
        DateOnly? start = null, end = null;
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var task in catalog.StreamPublishedAsync(ct))
        {
            issued = Min(issued, task.PublishedAt);
            modified = Max(modified, task.UpdatedAt ?? task.PublishedAt);
            start = Min(start, task.StartDate);
            end = Max(end, task.EndDate);
            foreach (var code in task.Fields ?? [])
                if (FieldsOfScience.IsValid(code)) fields.Add(FieldsOfScience.FieldOf(code));
        }
        return new CatalogFacts(issued, modified, start, end, fields.ToList());
    }

    private static T? Min<T>(T? a, T? b) where T : struct, IComparable<T> =>
        a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) <= 0 ? a : b;

    private static T? Max<T>(T? a, T? b) where T : struct, IComparable<T> =>
        a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) >= 0 ? a : b;
}
