using Microsoft.EntityFrameworkCore;
using Registry.Data.Mail;

namespace Registry.Data.Inquiries;

/// <summary>The inquiry log's reads: filters, the cursor, and the curator view with the relay's delivery.</summary>
internal static class InquiryQueries
{
    private const byte CursorVersion = 0x51; // 'Q'

    public static IQueryable<Inquiry> Filtered(RegistryDbContext db, InquiryStatus? status, string? taskId)
    {
        var query = db.Inquiries.AsNoTracking();
        if (status is { } s) query = query.Where(i => i.Status == s);
        if (!string.IsNullOrEmpty(taskId)) query = query.Where(i => i.Task.PublicId == taskId);
        return query;
    }

    public static string EncodeCursor(long id) => Catalog.CatalogCursors.EncodeId(CursorVersion, id);

    public static long DecodeCursor(string cursor) => Catalog.CatalogCursors.DecodeId(CursorVersion, cursor);

    /// <summary>The curator view; <paramref name="inquiry"/> must carry its task and the task's outputs.</summary>
    public static async Task<InquiryRecord> ViewAsync(RegistryDbContext db, Inquiry inquiry, CancellationToken ct)
    {
        var relay = await db.MailQueue.AsNoTracking()
            .Where(m => m.RelatedId == inquiry.PublicId && m.Purpose == MailPurposes.Inquiry)
            .OrderByDescending(m => m.Id)
            .Select(m => new InquiryRelayView(m.CreatedAt, m.SentAt, m.GaveUpAt, m.Attempts, m.LastError))
            .FirstOrDefaultAsync(ct);
        var outputs = inquiry.Task.Outputs.OrderBy(o => o.Ordinal).ToList();
        return new InquiryRecord
        {
            Id = inquiry.PublicId,
            TaskId = inquiry.Task.PublicId,
            TaskCode = inquiry.Task.Code,
            TaskTitle = inquiry.Task.Title,
            Output = inquiry.OutputIndex,
            OutputTitle = inquiry.OutputIndex is { } i && i < outputs.Count ? outputs[i].Title : null,
            Organization = inquiry.Organization,
            ContactName = inquiry.ContactName,
            ContactEmail = inquiry.ContactEmail,
            Phone = inquiry.Phone,
            Need = inquiry.Need,
            ConsentVersion = inquiry.ConsentVersion,
            ConsentedAt = inquiry.ConsentedAt,
            Status = inquiry.Status,
            Route = inquiry.Route,
            StatusNote = inquiry.StatusNote,
            CreatedAt = inquiry.CreatedAt,
            RelayedAt = inquiry.RelayedAt,
            UpdatedAt = inquiry.UpdatedAt,
            PersonalDataErasedAt = inquiry.PersonalDataErasedAt,
            Relay = relay,
        };
    }
}
