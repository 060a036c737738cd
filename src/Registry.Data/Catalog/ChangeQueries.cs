using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Catalog;

internal static class ChangeQueries
{
    /// <summary>The log after <paramref name="afterSequence"/>, in sequence (commit) order.</summary>
    public static IQueryable<PublicChangeEntry> After(RegistryDbContext db, long afterSequence, int take) =>
        db.Set<PublicChangeEntry>().AsNoTracking()
            .Where(c => c.Sequence > afterSequence)
            .OrderBy(c => c.Sequence)
            .Take(take);
}
