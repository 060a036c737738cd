using System.Buffers.Binary;
using System.Buffers.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Records;

namespace Registry.Data.Collections;

/// <summary>Every LINQ query of the collection store, by name, so a test can translate each on every provider.</summary>
internal static class CollectionQueries
{
    public static IQueryable<Collection> ById(RegistryDbContext db, string publicId) =>
        db.Set<Collection>().Include(c => c.Items).Where(c => c.PublicId == publicId);

    public static IQueryable<Collection> ByIds(RegistryDbContext db, IReadOnlyCollection<string> publicIds) =>
        db.Set<Collection>().Include(c => c.Items).Where(c => publicIds.Contains(c.PublicId));

    /// <summary>Latest date first, then newest created; keyset after (date, id) when given.</summary>
    public static IQueryable<CollectionSummaryRow> Page(RegistryDbContext db, (DateOnly Date, long Id)? after, int take)
    {
        var query = db.Set<Collection>().AsNoTracking();
        if (after is { } a) query = query.Where(c => c.Date < a.Date || (c.Date == a.Date && c.Id < a.Id));
        return Summaries(query.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)).Take(take);
    }

    /// <summary>Collections dated within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static IQueryable<CollectionSummaryRow> Dated(RegistryDbContext db, DateOnly from, DateOnly to) =>
        Summaries(db.Set<Collection>().AsNoTracking().Where(c => c.Date >= from && c.Date <= to).OrderByDescending(c => c.Date).ThenByDescending(c => c.Id));

    private static IQueryable<CollectionSummaryRow> Summaries(IQueryable<Collection> query) =>
        query.Select(c => new CollectionSummaryRow(c.Id, c.PublicId, c.Title, c.TitleEn, c.Description, c.DescriptionEn, c.Date,
            c.Items.Count(i => i.Task.Visibility == Visibility.Published), c.UpdatedAt));

    /// <summary>The tasks a curator's references name: by public id or by code, in one query.</summary>
    public static IQueryable<TaskReference> TasksReferenced(RegistryDbContext db, IReadOnlyCollection<string> references) =>
        db.Tasks.Where(t => references.Contains(t.PublicId) || references.Contains(t.Code))
            .Select(t => new TaskReference(t.Id, t.PublicId, t.Code));

    public static IQueryable<Entities.ScienceTask> TasksByKeys(RegistryDbContext db, IReadOnlyCollection<long> keys) =>
        Store.TaskQueries.Full(db).AsNoTracking().Where(t => keys.Contains(t.Id));

    public static IQueryable<Catalog.PublicEntry> Entries(RegistryDbContext db) =>
        db.Set<Collection>().AsNoTracking().OrderBy(c => c.PublicId).Select(c => new Catalog.PublicEntry(c.PublicId, c.UpdatedAt));

    private const byte CursorVersion = 0x4B; // 'K'

    public static string EncodeCursor(DateOnly date, long id)
    {
        var bytes = new byte[13];
        bytes[0] = CursorVersion;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), date.DayNumber);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(5), id);
        return Base64Url.EncodeToString(bytes);
    }

    public static (DateOnly Date, long Id) DecodeCursor(string cursor)
    {
        if (cursor.Length > 64) throw new InvalidCursorException();
        var bytes = new byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        int written;
        try
        {
            if (!Base64Url.TryDecodeFromChars(cursor, bytes, out written)) throw new InvalidCursorException();
        }
        catch (FormatException e) when (e is not InvalidCursorException)
        {
            throw new InvalidCursorException();
        }
        if (written != 13 || bytes[0] != CursorVersion) throw new InvalidCursorException();
        var day = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1));
        var id = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(5));
        if (day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber || id <= 0) throw new InvalidCursorException();
        return (DateOnly.FromDayNumber(day), id);
    }
}

internal sealed record CollectionSummaryRow(long Key, string Id, string Title, string? TitleEn, string? Description, string? DescriptionEn,
    DateOnly Date, int TaskCount, DateTimeOffset UpdatedAt)
{
    public CollectionSummary ToSummary() => new(Id, Title, TitleEn, Description, DescriptionEn, Date, TaskCount, UpdatedAt);
}

internal sealed record TaskReference(long Key, string PublicId, string Code);
