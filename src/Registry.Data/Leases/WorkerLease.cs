using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Data.Leases;

/// <summary>
/// A named singleton lease: the background job called <see cref="Name"/> runs on the instance that holds it, until
/// <see cref="Until"/>. The holder renews it while it works; another instance takes it over only once it ran out
/// (its holder stopped renewing: it crashed or hangs).
/// </summary>
internal sealed class WorkerLease
{
    public string Name { get; set; } = "";
    /// <summary>Who holds it: instance, machine, process and a per-process random part (<c>InstanceIdentity.Owner</c>).</summary>
    public string Owner { get; set; } = "";
    /// <summary>Changes with every acquisition, so a renewal by a holder that lost the lease in between cannot succeed.</summary>
    public Guid Token { get; set; }
    public DateTimeOffset AcquiredAt { get; set; }
    public DateTimeOffset Until { get; set; }
}

internal sealed class WorkerLeaseConfiguration : IEntityTypeConfiguration<WorkerLease>
{
    public void Configure(EntityTypeBuilder<WorkerLease> b)
    {
        b.ToTable("WorkerLeases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(WorkerLeaseLimits.Name).IsUnicode(false);
        b.Property(l => l.Owner).HasMaxLength(WorkerLeaseLimits.Owner);
    }
}

public static class WorkerLeaseLimits
{
    public const int Name = 100;
    public const int Owner = TextLimits.ShortText;
}
