using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Registry.Data.Entities;

namespace Registry.Data;

/// <summary>
/// The registry's database. Abstract: each provider has its own subclass so each keeps its own migrations
/// (<see cref="SqliteRegistryDbContext"/>, <see cref="SqlServerRegistryDbContext"/>); code depends on this type.
/// </summary>
internal abstract class RegistryDbContext : DbContext
{
    protected RegistryDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<ScienceTask> Tasks => Set<ScienceTask>();
    public DbSet<TaskField> TaskFields => Set<TaskField>();
    public DbSet<Investigator> Investigators => Set<Investigator>();
    public DbSet<TaskOutput> TaskOutputs => Set<TaskOutput>();
    public DbSet<TaskCoverage> TaskCoverage => Set<TaskCoverage>();
    public DbSet<HostOrganization> Organizations => Set<HostOrganization>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<Mail.MailEntry> MailQueue => Set<Mail.MailEntry>();
    public DbSet<Inquiries.Inquiry> Inquiries => Set<Inquiries.Inquiry>();
    public DbSet<Inquiries.OrganizationContact> OrganizationContacts => Set<Inquiries.OrganizationContact>();
    public DbSet<Registry.Data.Feedback.FeedbackEntry> FeedbackEntries => Set<Registry.Data.Feedback.FeedbackEntry>();

    /// <summary>
    /// The approval decision, budget, acceptance and result registration are owned values stored in the task's row.
    /// EF warns (at every start) that one whose columns are all null reads back as null; that is the intended rule,
    /// applied by <c>TaskMapper</c> in both directions: a value with no part set is no value.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or ORDER BY DateTimeOffset; UTC ticks order the same on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>Stores an instant as its UTC ticks (bigint); it reads back in UTC.</summary>
    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>The embedded default: a SQLite file under the data directory.</summary>
internal sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options) : RegistryDbContext(options);

/// <summary>Production: SQL Server, several API instances.</summary>
internal sealed class SqlServerRegistryDbContext(DbContextOptions<SqlServerRegistryDbContext> options) : RegistryDbContext(options);
