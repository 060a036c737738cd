using Microsoft.EntityFrameworkCore;
using Registry.Data;
using Registry.Data.Catalog;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Loaders;

/// <summary>
/// The store queries behind GraphQL: each loads one relation for a whole batch of parents in one SQL command.
/// Untracked, and each opens its own short-lived context so concurrent resolvers never share one.
/// </summary>
public sealed class GraphQLReads(IDbContextFactory<RegistryDbContext> factory)
{
    /// <summary>Tasks by public id, whatever their visibility (callers decide who may see what).</summary>
    public async Task<IReadOnlyDictionary<string, TaskNode>> TasksByIdAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Tasks.AsNoTracking().Include(t => t.Fields)
            .Where(t => ids.Contains(t.PublicId)).ToListAsync(ct);
        return rows.ToDictionary(t => t.PublicId, ToNode);
    }

    public async Task<IReadOnlyDictionary<long, OrganizationNode>> OrganizationsByKeyAsync(IReadOnlyList<long> keys, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Organizations.AsNoTracking().Where(o => keys.Contains(o.Id)).ToListAsync(ct);
        return rows.ToDictionary(o => o.Id, ToNode);
    }

    /// <summary>
    /// Public organizations by id: as in REST (<see cref="OrganizationQueries.Public"/>), one with no published task
    /// does not exist for readers.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, OrganizationNode>> OrganizationsByIdAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await OrganizationQueries.Public(db).Where(o => ids.Contains(o.PublicId)).ToListAsync(ct);
        return rows.ToDictionary(o => o.PublicId, ToNode);
    }

    /// <summary>Investigators of the given tasks; the projection never selects e-mail or phone.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<PersonNode>>> InvestigatorsAsync(IReadOnlyList<long> taskKeys, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Investigators.AsNoTracking().Where(i => taskKeys.Contains(i.TaskId))
            .Select(i => new PersonNode(i.TaskId, i.IsPrincipal, i.Ordinal, i.Name, i.AcademicTitle, i.Role))
            .ToListAsync(ct);
        return Group(rows, p => p.TaskKey, p => p.Ordinal);
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<OutputNode>>> OutputsAsync(IReadOnlyList<long> taskKeys, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.TaskOutputs.AsNoTracking().Where(o => taskKeys.Contains(o.TaskId))
            .Select(o => new OutputNode(o.TaskId, o.Ordinal, o.Type, o.Title, o.Description, o.Identifier, o.Url, o.Transferable))
            .ToListAsync(ct);
        return Group(rows, o => o.TaskKey, o => o.Ordinal);
    }

    /// <summary>
    /// Published tasks of several organizations, newest first (published time, then public id), at most
    /// <paramref name="take"/> each after the keyset position: one command with a window function per partition.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<TaskNode>>> PublishedTasksOfAsync(
        IReadOnlyList<long> organizationKeys, OrganizationTaskCursor? after, int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var published = db.Tasks.AsNoTracking().Where(t => t.Visibility == Visibility.Published);
        if (after is { } a)
        {
            published = published.Where(t => t.PublishedAt < a.PublishedAt
                || (t.PublishedAt == a.PublishedAt && string.Compare(t.PublicId, a.Id) < 0));
        }

        var rows = await db.Organizations.AsNoTracking()
            .Where(o => organizationKeys.Contains(o.Id))
            .SelectMany(o => published.Where(t => t.HostOrganizationId == o.Id)
                .OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.PublicId).Take(take))
            .Include(t => t.Fields)
            .ToListAsync(ct);
        return rows.GroupBy(t => t.HostOrganizationId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<TaskNode>)g.OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.PublicId, StringComparer.Ordinal).Select(ToNode).ToList());
    }

    /// <summary>How many published tasks each organization hosts.</summary>
    public async Task<IReadOnlyDictionary<long, long>> PublishedCountsAsync(IReadOnlyList<long> organizationKeys, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Tasks.AsNoTracking()
            .Where(t => t.Visibility == Visibility.Published && organizationKeys.Contains(t.HostOrganizationId))
            .GroupBy(t => t.HostOrganizationId)
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }

    private static IReadOnlyDictionary<long, IReadOnlyList<T>> Group<T>(List<T> rows, Func<T, long> key, Func<T, int> order) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.OrderBy(order).ToList());

    private static OrganizationNode ToNode(HostOrganization o) => new(o.Id, o.PublicId, o.Name, o.Type, o.Province, o.Commune);

    private static TaskNode ToNode(ScienceTask t) => new()
    {
        RowKey = t.Id,
        Id = t.PublicId,
        Code = t.Code,
        Title = t.Title,
        TitleEn = t.TitleEn,
        Kind = t.Kind,
        Level = t.Level,
        Status = t.Status,
        Fields = t.Fields.OrderBy(f => f.Ordinal).Select(f => f.FieldCode).ToList(),
        KeywordsJson = t.KeywordsJson,
        ManagingAgency = t.ManagingAgency,
        OrganizationKey = t.HostOrganizationId,
        StartDate = t.StartDate,
        EndDate = t.EndDate,
        ApprovalDecision = t.ApprovalDecision is { } d && (d.Number ?? (object?)d.Date) is not null
            ? new ApprovalDecisionRecord { Number = d.Number, Date = d.Date } : null,
        Budget = t.Budget is { } b && (b.TotalVnd ?? b.StateBudgetVnd) is not null
            ? new BudgetRecord { TotalVnd = b.TotalVnd, StateBudgetVnd = b.StateBudgetVnd } : null,
        Summary = t.Summary,
        Objectives = t.Objectives,
        Methods = t.Methods,
        ExpectedResults = t.ExpectedResults,
        Acceptance = t.Acceptance is { } acc && (acc.Date ?? (object?)acc.Rating) is not null
            ? new AcceptanceRecord { Date = acc.Date, Rating = acc.Rating } : null,
        ResultRegistration = t.ResultRegistration is { } rr && (rr.CertificateNumber ?? (object?)rr.Date) is not null
            ? new ResultRegistrationRecord { CertificateNumber = rr.CertificateNumber, Date = rr.Date } : null,
        Results = t.Results,
        ApplicationPotential = t.ApplicationPotential,
        Visibility = t.Visibility,
        Version = t.Version,
        CreatedAt = t.CreatedAt,
        UpdatedAt = t.UpdatedAt,
        PublishedAt = t.PublishedAt,
        WithdrawalReason = t.WithdrawalReason,
    };
}
