using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Registry.Data.Tests.SqlServer;

/// <summary>
/// Runs the real stores on the SQL Server provider with no server: opening the connection is suppressed and every
/// command is captured and answered with an empty result (a single 0/NULL/false row for aggregates), so the exact
/// T-SQL each store method sends can be checked. Writes through SaveChanges need a transaction and are not run here.
/// </summary>
internal sealed class OfflineSqlServer : DbConnectionInterceptor, IDbCommandInterceptor, IDbContextFactory<RegistryDbContext>
{
    private readonly DbContextOptions<SqlServerRegistryDbContext> _options;

    public OfflineSqlServer()
    {
        var builder = new DbContextOptionsBuilder<SqlServerRegistryDbContext>();
        RegistryDbContextOptions.UseSqlServer(builder, "Server=offline.invalid;Database=Registry;User Id=x;Password=y;Connect Timeout=1");
        builder.AddInterceptors(this);
        _options = builder.Options;
    }

    public ConcurrentQueue<string> Commands { get; } = new();

    public RegistryDbContext CreateDbContext() => new SqlServerRegistryDbContext(_options);

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(EmptyResult(command.CommandText)));
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(0));
    }

    private static DbDataReader EmptyResult(string sql)
    {
        var table = new DataTable();
        var select = sql.TrimStart();
        if (select.StartsWith("SELECT COUNT", StringComparison.Ordinal))
        {
            table.Columns.Add("c", select.StartsWith("SELECT COUNT_BIG", StringComparison.Ordinal) ? typeof(long) : typeof(int));
            table.Rows.Add(0);
        }
        else if (select.StartsWith("SELECT MAX", StringComparison.Ordinal))
        {
            table.Columns.Add("c", typeof(long));
            table.Rows.Add(DBNull.Value);
        }
        else if (select.StartsWith("SELECT CASE", StringComparison.Ordinal))
        {
            table.Columns.Add("c", typeof(bool));
            table.Rows.Add(false);
        }
        else
        {
            // No rows, but as many columns as any entity query reads, so EF's shape check passes.
            for (var i = 0; i < 200; i++) table.Columns.Add("c" + i, typeof(object));
        }
        return table.CreateDataReader();
    }
}
