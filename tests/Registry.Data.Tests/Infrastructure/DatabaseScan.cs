using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Registry.Data.Tests.Infrastructure;

/// <summary>Searches every text column of every table of the model for a string (to prove something left no trace).</summary>
internal static class DatabaseScan
{
    public static async Task<IReadOnlyList<string>> FindAsync(RegistryDbContext db, string needle)
    {
        var hits = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                foreach (var column in table.Columns.Where(c => c.ProviderClrType == typeof(string)))
                {
                    if (await CountAsync(connection, table, column, needle) > 0) hits.Add($"{table.Name}.{column.Name}");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return hits;
    }

    /// <summary>Every table's name with its row count, to show a failed write left the database as it was.</summary>
    public static async Task<Dictionary<string, long>> RowCountsAsync(RegistryDbContext db)
    {
        var counts = new Dictionary<string, long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM [{table.Name}]";
                counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync());
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts;
    }

    private static async Task<long> CountAsync(DbConnection connection, ITable table, IColumn column, string needle)
    {
        await using var command = connection.CreateCommand();
        // [brackets] quote identifiers on both SQLite and SQL Server.
        command.CommandText = $"SELECT COUNT(*) FROM [{table.Name}] WHERE [{column.Name}] LIKE @needle";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@needle";
        parameter.Value = "%" + needle + "%";
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
