using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Demo;
using Registry.Data.Import;
using Registry.Data.Records;
using Registry.Data.Store;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Import;

/// <summary>
/// On SQLite an import's rows are written by stepping a prepared statement on the connection's handle; the general
/// path writes them through ADO.NET commands. The same file imported both ways must leave the same bytes in every
/// table: the same values with the same SQLite storage classes, row for row.
/// </summary>
public sealed class ImportStoredBytesTests : IAsyncLifetime
{
    private readonly SqliteHarness _direct = new();
    private readonly SqliteHarness _general = new();
    private static readonly Actor Curator = new("curator-1", ApiRole.Curator);

    public async Task InitializeAsync()
    {
        await _direct.InitializeAsync();
        await _general.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _direct.DisposeAsync();
        await _general.DisposeAsync();
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task The_direct_and_the_general_write_store_the_same_bytes(string format)
    {
        var records = DemoCatalogue.GenerateLarge(150).Select(r => r.Visibility == Visibility.Withdrawn ? r with { Visibility = Visibility.Published } : r).ToList();
        var file = format == "jsonl" ? JsonLines(records) : Csv(records);
        var importFormat = format == "jsonl" ? ImportFormat.JsonLines : ImportFormat.Csv;

        var direct = await ImportAsync(_direct, file, importFormat);
        ImportReport general;
        BulkInsert.CommandPathOnly.Value = true;
        try
        {
            general = await ImportAsync(_general, file, importFormat);
        }
        finally
        {
            BulkInsert.CommandPathOnly.Value = false;
        }

        // A leased outbox row holds the one Guid column; an import writes it null, so one is written here both ways.
        await WriteLeasedOutboxRowAsync(_direct);
        BulkInsert.CommandPathOnly.Value = true;
        try
        {
            await WriteLeasedOutboxRowAsync(_general);
        }
        finally
        {
            BulkInsert.CommandPathOnly.Value = false;
        }

        Assert.Equal(150, direct.Created);
        Assert.Equal(150, general.Created);
        var directDump = await DumpAsync(_direct);
        var generalDump = await DumpAsync(_general);
        Assert.Equal(generalDump.Keys.Order(), directDump.Keys.Order());
        foreach (var (table, rows) in generalDump)
        {
            Assert.True(rows.Count > 0 || table.StartsWith("__", StringComparison.Ordinal) || directDump[table].Count == 0, table);
            Assert.Equal(rows, directDump[table]);
        }
        await using (var db = _direct.NewContext())
        {
            Assert.True(BulkInsert.WritesDirectly<Registry.Data.Entities.ScienceTask>(db));
            Assert.True(BulkInsert.WritesDirectly<Registry.Data.Entities.Investigator>(db));
            Assert.True(BulkInsert.WritesDirectly<Registry.Data.Entities.TaskOutput>(db));
            Assert.True(BulkInsert.WritesDirectly<Registry.Data.Entities.TaskCoverage>(db));
            Assert.True(BulkInsert.WritesDirectly<Registry.Data.Entities.AuditEntry>(db));
            Assert.True(BulkInsert.WritesDirectly<Registry.Data.Entities.OutboxEntry>(db));
        }
        Assert.Contains(directDump, t => t.Key.Contains("Investigator", StringComparison.OrdinalIgnoreCase) && t.Value.Count > 150);
    }

    private static async Task<ImportReport> ImportAsync(SqliteHarness store, byte[] file, ImportFormat format)
    {
        store.Clock.Advance(TimeSpan.Zero);
        return await new ImportService(store.Tasks).RunAsync(new MemoryStream(file), format, new ImportOptions(), Curator, null,
            new ImportSource("j0123456789ab", "nhiem-vu." + format.Name()));
    }

    [Fact]
    public async Task The_imports_larger_page_cache_does_not_stay_on_pooled_connections()
    {
        var records = DemoCatalogue.GenerateLarge(3).Select(r => r with { Visibility = Visibility.Published }).ToList();
        Assert.Equal(3, (await ImportAsync(_direct, JsonLines(records), ImportFormat.JsonLines)).Created);

        for (var i = 0; i < 3; i++)
        {
            await using var db = _direct.NewContext();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size";
            Assert.Equal(-2000L, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    private static async Task WriteLeasedOutboxRowAsync(SqliteHarness store)
    {
        await using var db = store.NewContext();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var at = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(7));
        await BulkInsert.InsertAsync(db, [new Registry.Data.Entities.OutboxEntry
        {
            TaskId = "t_leased", Kind = default, CreatedAt = at, DueAt = at, LeaseUntil = at.AddMinutes(1), Attempts = 2,
            LeaseOwner = "worker-1", LeaseToken = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), LastError = "x", Interactive = true,
        }], CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static byte[] JsonLines(IEnumerable<TaskRecord> records) =>
        Encoding.UTF8.GetBytes(string.Join("\n", records.Select(r => JsonSerializer.Serialize(r with { Id = null }, RegistryJson.Options))));

    /// <summary>The CSV export's columns (every exported record column), RFC 4180 quoting, as the import bench writes it.</summary>
    private static byte[] Csv(IEnumerable<TaskRecord> records)
    {
        var columns = RecordFields.Columns.Where(c => c.Exported).ToList();
        var text = new StringBuilder(string.Join(",", columns.Select(c => Quote(c.Header)))).Append("\r\n");
        foreach (var record in records) text.Append(string.Join(",", columns.Select(c => Quote(c.Write(record))))).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string? cell) =>
        string.IsNullOrEmpty(cell) ? "" : cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";

    /// <summary>Every table's rows in insertion order as "typeof:value" cells, random public ids replaced by where they point.</summary>
    private static async Task<Dictionary<string, List<string>>> DumpAsync(SqliteHarness store)
    {
        await using var db = store.NewContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var tables = (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"))
            .Select(r => r[0]!).ToList();
        // Public ids are random: each is replaced by its table and row, the same in both stores when the rows are.
        var ids = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            if (!(await QueryAsync(connection, $"SELECT 1 FROM pragma_table_info('{table}') WHERE name = 'PublicId'")).Any()) continue;
            foreach (var row in await QueryAsync(connection, $"SELECT PublicId, rowid FROM \"{table}\"")) ids[row[0]!] = $"<{table}#{row[1]}>";
        }
        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var columns = (await QueryAsync(connection, $"SELECT name FROM pragma_table_info('{table}')")).Select(r => r[0]!).ToList();
            var select = string.Join(", ", columns.Select(c => $"typeof(\"{c}\") || ':' || coalesce(quote(\"{c}\"), '')"));
            var rows = await QueryAsync(connection, $"SELECT {select} FROM \"{table}\" ORDER BY rowid");
            dump[table] = rows.Select(r => string.Join(" | ", r.Select(cell => Replace(cell!, ids)))).ToList();
        }
        return dump;
    }

    private static string Replace(string cell, Dictionary<string, string> ids)
    {
        foreach (var (id, code) in ids) if (cell.Contains(id, StringComparison.Ordinal)) cell = cell.Replace(id, code, StringComparison.Ordinal);
        return cell;
    }

    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }
}
