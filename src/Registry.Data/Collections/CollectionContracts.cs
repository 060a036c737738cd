using System.Text.Json.Serialization;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Collections;

/// <summary>Limits of a collection, shared by the validator and the column definitions.</summary>
public static class CollectionLimits
{
    public const int Title = 300;
    public const int Description = 5000;
    public const int Note = 1000;
    /// <summary>More than a day's communication can use; a bigger selection is a search, not a collection.</summary>
    public const int MaxItems = 200;
    /// <summary>A task reference is a public id or a code (<see cref="TextLimits.Code"/>); longer is neither.</summary>
    public const int TaskReference = TextLimits.Code;
}

/// <summary>What a curator sends to create or replace a collection (POST, PUT, GraphQL mutations).</summary>
public sealed record CollectionInput
{
    /// <summary>Vietnamese title, required, e.g. "Ngày Khoa học và Công nghệ Việt Nam 18/5/2027".</summary>
    public string? Title { get; init; }
    /// <summary>English title, optional.</summary>
    public string? TitleEn { get; init; }
    /// <summary>What the collection is about, in Vietnamese; plain text, line breaks kept.</summary>
    public string? Description { get; init; }
    public string? DescriptionEn { get; init; }
    /// <summary>The day the collection is for (ISO 8601 date, e.g. 2027-05-18). Required.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>The tasks in the order readers see them; at most <see cref="CollectionLimits.MaxItems"/>, each task once.</summary>
    public IReadOnlyList<CollectionItemInput>? Items { get; init; }
}

/// <summary>One task of a collection as a curator names it.</summary>
public sealed record CollectionItemInput
{
    /// <summary>The task's public id (t…) or its registry code (e.g. ĐT-2024-40101-PT). Required.</summary>
    public string? Task { get; init; }
    /// <summary>Why this task is in the collection, shown with it; optional.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// A collection as a reader sees it. The public sees only its published tasks (renumbered from 1, drafts and
/// withdrawn tasks left out); curators see every task with <see cref="CollectionEntry.Public"/> telling which are hidden.
/// </summary>
/// <param name="TaskCount">Tasks shown to this reader.</param>
public sealed record CollectionRecord(
    string Id,
    string Title,
    string? TitleEn,
    string? Description,
    string? DescriptionEn,
    DateOnly Date,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int TaskCount,
    IReadOnlyList<CollectionEntry> Items)
{
    /// <summary>Increments on every change; the REST ETag is derived from it.</summary>
    [JsonIgnore]
    public long Version { get; init; }
}

/// <summary>One task in a collection.</summary>
/// <param name="Position">1-based place among the tasks this reader sees.</param>
/// <param name="Note">The curator's note on this task, if any.</param>
/// <param name="Public">False for a draft or withdrawn task: curators see it, the public does not.</param>
/// <param name="Task">The task's record v1 (the public record for the public; contacts only for curators).</param>
public sealed record CollectionEntry(int Position, string? Note, bool Public, TaskRecord Task);

/// <summary>A collection in a list: no tasks, just how many the public sees.</summary>
/// <param name="TaskCount">Published tasks in the collection.</param>
public sealed record CollectionSummary(
    string Id,
    string Title,
    string? TitleEn,
    string? Description,
    string? DescriptionEn,
    DateOnly Date,
    int TaskCount,
    DateTimeOffset UpdatedAt);

public sealed record CollectionPage(IReadOnlyList<CollectionSummary> Results, string? NextCursor, int Count);

/// <summary>What a collection write did. <see cref="Collection"/> is the curator view after the write.</summary>
public sealed record CollectionWriteResult(WriteStatus Status, CollectionRecord? Collection = null, IReadOnlyList<FieldError>? Errors = null)
{
    public bool Succeeded => Status is WriteStatus.Ok or WriteStatus.Created or WriteStatus.Unchanged;
}
