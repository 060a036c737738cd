using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.GraphQL.Loaders;

/// <summary>
/// A task as GraphQL reads it: the row's own columns only. Relations (organization, investigators, outputs) are
/// loaded in batches by <see cref="GraphQLLoaders"/> through <see cref="RowKey"/>, the internal key, which never
/// appears in the schema.
/// </summary>
public sealed record TaskNode
{
    public required long RowKey { get; init; }
    public required string Id { get; init; }
    public required string Code { get; init; }
    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    public TaskKind Kind { get; init; }
    public TaskLevel Level { get; init; }
    public TaskStatus Status { get; init; }
    public required IReadOnlyList<string> Fields { get; init; }
    public required string KeywordsJson { get; init; }
    public string? ManagingAgency { get; init; }
    public long OrganizationKey { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public ApprovalDecisionRecord? ApprovalDecision { get; init; }
    public BudgetRecord? Budget { get; init; }
    public string? Summary { get; init; }
    public string? Objectives { get; init; }
    public string? Methods { get; init; }
    public string? ExpectedResults { get; init; }
    public AcceptanceRecord? Acceptance { get; init; }
    public ResultRegistrationRecord? ResultRegistration { get; init; }
    public string? Results { get; init; }
    public string? ApplicationPotential { get; init; }
    public Visibility Visibility { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Shown in the tombstone error of a withdrawn task.</summary>
    public string? WithdrawalReason { get; init; }
}

/// <summary>Tổ chức chủ trì as GraphQL reads it.</summary>
public sealed record OrganizationNode(long RowKey, string Id, string Name, OrganizationType? Type, string? Province, string? Commune)
{
    /// <summary>The normalised name when read from the directory (its paging key).</summary>
    public string? SortKey { get; init; }
}

/// <summary>An investigator's public part: contact e-mail and phone are never read by GraphQL (invariant 3).</summary>
public sealed record PersonNode(long TaskKey, bool IsPrincipal, int Ordinal, string? Name, string? AcademicTitle, string? Role);

public sealed record OutputNode(long TaskKey, int Ordinal, OutputType? Type, string Title, string? Description, string? Identifier, string? Url, bool? Transferable);
