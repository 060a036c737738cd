using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;

namespace Registry.Data.Store;

/// <summary>
/// Two writes introducing the same new host organization at once: both saw no organization by that normalised
/// name, both inserted one, and the unique index refused the second. Running the loser's unit of work again
/// finds the winner's organization, so every request succeeds and all tasks point to one organization. The
/// retry is provider-neutral (SQLite and SQL Server raise the same <see cref="DbUpdateException"/>).
/// </summary>
internal static class OrganizationRace
{
    /// <summary>Runs <paramref name="write"/>; once more if it lost an organization race. A second loss propagates.</summary>
    public static async Task<T> RetryOnceAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (LostException)
        {
            try
            {
                return await write();
            }
            catch (LostException again)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(again.InnerException!);
                throw;
            }
        }
    }

    /// <summary>Call from a <see cref="DbUpdateException"/> handler: signals a retry when this unit of work added an organization.</summary>
    public static void ThrowIfLost(DbContext db, DbUpdateException error)
    {
        if (db.ChangeTracker.Entries<HostOrganization>().Any(e => e.State == EntityState.Added)) throw new LostException(error);
    }

    private sealed class LostException(Exception inner) : Exception("Lost a race creating a host organization.", inner);
}
