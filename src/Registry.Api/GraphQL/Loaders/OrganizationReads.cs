using Microsoft.EntityFrameworkCore;
using Registry.Data;
using Registry.Data.Catalog;

namespace Registry.Api.GraphQL.Loaders;

/// <summary>The organization directory behind <c>organizations(query, first, after)</c>: hosts of at least one published task.</summary>
public sealed class OrganizationReads(IDbContextFactory<RegistryDbContext> factory)
{
    /// <param name="nameContains">Already normalised like the stored names (NFC, case-folded).</param>
    public async Task<(IReadOnlyList<OrganizationNode> Page, bool HasMore, long Total)> PageAsync(
        string? nameContains, OrganizationCursor? after, int first, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var hosts = OrganizationQueries.Public(db);
        if (!string.IsNullOrEmpty(nameContains)) hosts = hosts.Where(o => o.NormalizedName.Contains(nameContains));
        var total = await hosts.LongCountAsync(ct);

        var page = hosts;
        if (after is { } a)
        {
            page = page.Where(o => string.Compare(o.NormalizedName, a.NormalizedName) > 0
                || (o.NormalizedName == a.NormalizedName && string.Compare(o.PublicId, a.Id) > 0));
        }

        var rows = await page.OrderBy(o => o.NormalizedName).ThenBy(o => o.PublicId).Take(first + 1)
            .Select(o => new { Node = new OrganizationNode(o.Id, o.PublicId, o.Name, o.Type, o.Province, o.Commune), o.NormalizedName })
            .ToListAsync(ct);
        var nodes = rows.Take(first).Select(r => r.Node with { SortKey = r.NormalizedName }).ToList();
        return (nodes, rows.Count > first, total);
    }
}
