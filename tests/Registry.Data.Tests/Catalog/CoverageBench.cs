using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Data.Tests.Import;
using Xunit.Abstractions;

namespace Registry.Data.Tests.Catalog;

/// <summary>
/// The KPI over 100,000 tasks on SQLite (runs only with REGISTRY_MEMORY_BENCH=1): one seeded task is copied by SQL
/// into 20 agencies, a third with coverage, a tenth drafts, a twentieth withdrawn; then each read is timed.
/// </summary>
public sealed class CoverageBench(ITestOutputHelper output) : CatalogTestBase
{
    [BenchFact]
    public async Task The_report_and_gap_pages_answer_quickly_over_100k_tasks()
    {
        await SeedAsync(Visibility.Published, r => r with { Status = Records.TaskStatus.Accepted, Results = null });
        var factory = Store.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var conn = (SqliteConnection)db.Database.GetDbConnection();
            await conn.OpenAsync();
            var columns = new List<string>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM pragma_table_info('Tasks') WHERE name <> 'Id'";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
            }
            string Expr(string c) => c switch
            {
                "PublicId" => "'b' || printf('%012d', n)",
                "Code" => "'BENCH-' || n",
                "ManagingAgency" => "'Cơ quan ' || (n % 20)",
                "Visibility" => "CASE WHEN n % 20 = 0 THEN 'Withdrawn' WHEN n % 10 = 1 THEN 'Draft' ELSE 'Published' END",
                "WithdrawnAt" => "CASE WHEN n % 20 = 0 THEN t.CreatedAt ELSE NULL END",
                _ => "t." + c,
            };
            await using var tx = await conn.BeginTransactionAsync();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = $"""
                    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 99999)
                    INSERT INTO Tasks ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(Expr))} FROM seq, (SELECT * FROM Tasks LIMIT 1) t;
                    INSERT INTO TaskCoverage (TaskId, Ordinal, Url, Outlet, Kind, Date, Title)
                    SELECT Id, 0, 'https://baophutho.vn/a', 'Báo Phú Thọ', 'Press', '2026-02-01', 'Tin' FROM Tasks WHERE Id % 3 = 0;
                    """;
                cmd.Transaction = (SqliteTransaction)tx;
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        Assert.True(ReportingPeriod.TryParse("2026-H1", out var h1));

        var lines = new List<string> { "| read | time (warm) |", "|---|---|" };
        async Task<T> Time<T>(string name, Func<Task<T>> read)
        {
            await read();
            var watch = Stopwatch.StartNew();
            var result = await read();
            lines.Add($"| {name} | {watch.ElapsedMilliseconds} ms |");
            return result;
        }
        await Time("facts query alone (SQL + materialisation)", async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await CoverageQueries.Facts(db).ToListAsync();
        });
        await Time("first-coverage query alone", async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await CoverageQueries.FirstCoverage(db).ToListAsync();
        });
        var now = await Time("GET /coverage (now)", () => Coverage.GetAsync());
        await Time("GET /coverage?period=2026-H1", () => Coverage.GetAsync(period: h1));
        var report = await Time("report 2026-H1 (gap lists capped at 1000)", () => Coverage.GetPeriodReportAsync(h1, 1000));
        var page = await Time("gaps notCommunicated, first page of 50", () => Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NotCommunicated)));
        await Time("gaps notCommunicated, page after a cursor", () => Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NotCommunicated, Cursor: page.NextCursor)));
        await Time("gaps noResults, agency + year filter", () => Coverage.GetGapsAsync(new CoverageGapQuery(CoverageGapKind.NoResults, Agency: "Cơ quan 7", Year: 2024)));
        output.WriteLine(string.Join("\n", lines));

        Assert.True(now.Totals.Registered > 90_000, $"{now.Totals.Registered}");
        Assert.True(report.NotCommunicated.Count > 1000 && report.NotCommunicated.Truncated);
    }
}
