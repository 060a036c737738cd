using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Registry.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without the host.</summary>
internal sealed class SqliteRegistryDbContextDesignFactory : IDesignTimeDbContextFactory<SqliteRegistryDbContext>
{
    public SqliteRegistryDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        RegistryDbContextOptions.UseSqlite(builder, "Data Source=design-time.db");
        return new SqliteRegistryDbContext(builder.Options);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context without the host or a server.</summary>
internal sealed class SqlServerRegistryDbContextDesignFactory : IDesignTimeDbContextFactory<SqlServerRegistryDbContext>
{
    public SqlServerRegistryDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerRegistryDbContext>();
        RegistryDbContextOptions.UseSqlServer(builder, "Server=localhost;Database=Registry;Integrated Security=true;TrustServerCertificate=true");
        return new SqlServerRegistryDbContext(builder.Options);
    }
}
