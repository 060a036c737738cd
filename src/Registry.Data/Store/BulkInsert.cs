using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Registry.Data.Store;

/// <summary>
/// Multi-row parameterised INSERTs for append-only rows of an import batch (fields, investigators, outputs, audit,
/// outbox), inside the batch's transaction. EF's SQLite provider sends one command per entity, which caps imports at
/// a few hundred tasks a second; this keeps them in the thousands. Column names, value conversions and parameter
/// types all come from the EF model, so the statement is the same one EF would write, on either provider.
/// </summary>
internal static class BulkInsert
{
    /// <summary>
    /// SQL Server allows 2,100 parameters and 1,000 VALUES rows per statement; SQLite looks parameter names up one by
    /// one, so binding slows down quadratically with very wide statements. A few hundred parameters suits both.
    /// </summary>
    private const int MaxParameters = 500;
    private const int MaxRows = 1000;

    public static Task InsertAsync<T>(RegistryDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class =>
        InsertReturningRowIdsAsync(db, rows, ct);

    /// <returns>
    /// On SQLite's direct path, the rowid of each row in order (for a table whose key is an INTEGER PRIMARY KEY, its
    /// key); otherwise null, and the caller reads the keys back.
    /// </returns>
    public static async Task<long[]?> InsertReturningRowIdsAsync<T>(RegistryDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return [];
        var table = Describe<T>(db);
        if (db.Database.IsSqlite()) return await InsertPreparedAsync(db, table, rows, ct);
        var perStatement = Math.Clamp(MaxParameters / table.Columns.Count, 1, MaxRows);
        var connection = db.Database.GetDbConnection();
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (db.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
            Build(db, table, rows.Skip(start).Take(perStatement).ToList(), command);
            await command.ExecuteNonQueryAsync(ct);
        }
        return null;
    }

    /// <summary>
    /// SQLite runs in-process, so there is no round trip to save: one prepared single-row INSERT executed per row,
    /// rebinding values, is its fastest path (no re-parsing, no wide statements to bind). When every column's provider
    /// type is a plain one (<see cref="RawSqlite"/>), the statement is stepped directly on the connection's handle,
    /// binding by position: the same SQL text and the same stored values, without the ADO.NET command's per-row
    /// parameter lookups by name and reader objects.
    /// </summary>
    private static async Task<long[]?> InsertPreparedAsync<T>(RegistryDbContext db, Table table, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Build(db, table, [rows[0]], command);
        if (table.Plain && !CommandPathOnly.Value && command.Connection is SqliteConnection { Handle: { } handle } && command.Transaction is not null)
        {
            ct.ThrowIfCancellationRequested();
            return RawSqlite.Insert(handle, command.CommandText, table.Columns.Count, rows.Count,
                (r, c) => ProviderValue(table.Columns[c], rows[r]!));
        }
        await command.PrepareAsync(ct);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; r > 0 && c < table.Columns.Count; c++) command.Parameters[c].Value = ProviderValue(table.Columns[c], rows[r]);
            await command.ExecuteNonQueryAsync(ct);
        }
        return null;
    }

    private static object ProviderValue(Column column, object row)
    {
        var value = column.Read(row);
        if (value is null) return DBNull.Value;
        return (column.Converter is null ? value : column.Converter.ConvertToProvider(value)) ?? DBNull.Value;
    }

    /// <summary>Whether rows of <typeparamref name="T"/> can be written directly on a SQLite handle (<see cref="RawSqlite"/>).</summary>
    internal static bool WritesDirectly<T>(RegistryDbContext db) where T : class => Describe<T>(db).Plain;

    /// <summary>Fills <paramref name="command"/> with one INSERT of <paramref name="rows"/> (exposed for SQL checks).</summary>
    public static void Build<T>(RegistryDbContext db, IReadOnlyList<T> rows, DbCommand command) where T : class =>
        Build(db, Describe<T>(db), rows, command);

    private sealed record Column(IProperty Property, string Name, Func<object, object?> Read, bool Nullable)
    {
        /// <summary>Looked up once per column, not per value.</summary>
        public Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter { get; } = Property.GetTypeMapping().Converter;
    }

    private sealed record Table(string Name, IReadOnlyList<Column> Columns)
    {
        /// <summary>Every column's provider value is one <see cref="RawSqlite"/> binds as Microsoft.Data.Sqlite does.</summary>
        public bool Plain { get; } = Columns.All(c => RawSqlite.Binds(c.Converter?.ProviderClrType ?? c.Property.ClrType));
    }

    /// <summary>Tests only: make this flow write through the ADO.NET command (the general path) to compare the two.</summary>
    internal static readonly AsyncLocal<bool> CommandPathOnly = new();

    /// <summary>The table's columns except generated keys, including those of owned types stored in the same table.</summary>
    private static Table Describe<T>(RegistryDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => new Column(p, p.GetColumnName(store)!, p.GetGetter().GetClrValueUsingContainingEntity, p.IsNullable))
            .ToList();
        foreach (var owned in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var getOwned = owned.GetGetter();
            columns.AddRange(owned.TargetEntityType.GetProperties()
                .Where(p => !p.IsPrimaryKey())
                .Select(p => new Column(p, p.GetColumnName(store)!, row =>
                    getOwned.GetClrValueUsingContainingEntity(row) is { } part ? p.GetGetter().GetClrValue(part) : null, Nullable: true)));
        }
        return new Table(name, columns);
    }

    private static void Build<T>(RegistryDbContext db, Table table, IReadOnlyList<T> rows, DbCommand command) where T : class
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name)).Append(" (")
            .AppendJoin(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        var n = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var mapping = (RelationalTypeMapping)column.Property.GetTypeMapping();
                var value = column.Read(rows[r]);
                var name = "p" + n++;
                // The mapping converts the value itself (enums to text, instants to ticks), as EF does for its own commands.
                command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), value, column.Nullable));
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
            }
            text.Append(')');
        }
        command.CommandText = text.Append(';').ToString();
    }
}
