using Registry.Data.Entities;

namespace Registry.Data.Collections;

/// <summary>
/// Bộ sưu tập: a named, ordered selection of tasks that curators assemble for a day (Ngày KH&amp;CN Việt Nam 18/5,
/// Ngày Đổi mới sáng tạo 1/10, Ngày Chuyển đổi số 10/10), a campaign or a theme. The row layout, not the contract
/// (<see cref="CollectionRecord"/>).
/// </summary>
internal sealed class Collection
{
    /// <summary>Internal key: never leaves the store.</summary>
    public long Id { get; set; }
    /// <summary>Stable opaque public id ("c" + 12 Crockford base32 chars), never reused.</summary>
    public string PublicId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    /// <summary>The day the collection is for (e.g. 2027-05-18); decides its order and when it is featured.</summary>
    public DateOnly Date { get; set; }
    public List<CollectionItem> Items { get; set; } = [];
    /// <summary>Incremented on every change; the REST ETag.</summary>
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One task at one place in a collection, with the curator's optional note on why it is there.</summary>
internal sealed class CollectionItem
{
    public long Id { get; set; }
    public long CollectionId { get; set; }
    /// <summary>1-based place in the collection; unique within it.</summary>
    public int Position { get; set; }
    public long TaskId { get; set; }
    public ScienceTask Task { get; set; } = null!;
    public string? Note { get; set; }
}
