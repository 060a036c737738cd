using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Data.Tests.Catalog;

public sealed class ChangeLogMigrationTests : CatalogTestBase
{
    [Fact]
    public async Task Adding_the_log_to_an_existing_database_enters_each_published_task_once_as_created_in_publication_order()
    {
        var first = await SeedAsync(Visibility.Published);
        await SeedAsync(Visibility.Draft);
        await SeedAsync(Visibility.Withdrawn);
        var second = await SeedAsync(Visibility.Published);

        // Back to the schema before the log (drops it), then forward again: the state of a database made before it.
        await using (var db = Store.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var initial = db.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal));
            await migrator.MigrateAsync(initial);
            Assert.DoesNotContain("ChangeLog", await TablesAsync(db));
            await migrator.MigrateAsync();
        }

        var page = await Changes.ReadAsync(null, 100);

        Assert.Equal([(first, PublicChangeKind.Created), (second, PublicChangeKind.Created)], page.Changes.Select(c => (c.Id, c.Change)));
        Assert.True(page.Changes[0].At < page.Changes[1].At);
    }

    private static async Task<List<string>> TablesAsync(RegistryDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
}
