using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Mail;
using Registry.Data.Records;

namespace Registry.Data.Inquiries;

/// <summary>
/// EF implementation of <see cref="IInquiryStore"/>. A submission commits the inquiry and its mails with one
/// SaveChanges, so an inquiry is never logged without its relay nor relayed without its log line.
/// </summary>
internal sealed class InquiryStore(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock, IOptions<InquiryOptions> options)
    : IInquiryStore
{
    private const int MaxPageSize = 200;
    private const int EraseBatch = 200;

    public IReadOnlyList<FieldError> Check(InquiryInput input) => InquiryValidator.Validate(input).Errors;

    public async Task<InquirySubmission> SubmitAsync(string taskId, InquiryInput input, InquiryContext context, CancellationToken ct = default)
    {
        var (cleaned, errors) = InquiryValidator.Validate(input);
        if (!PublicIds.IsWellFormed(taskId, 't')) return new InquirySubmission(InquirySubmitStatus.TaskNotFound);
        if (cleaned is null) return new InquirySubmission(InquirySubmitStatus.Invalid, Errors: errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var task = await db.Tasks.Include(t => t.Outputs).Include(t => t.Investigators)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.PublicId == taskId, ct);
        if (task is null || task.Visibility == Visibility.Draft) return new InquirySubmission(InquirySubmitStatus.TaskNotFound);
        if (task.Visibility == Visibility.Withdrawn) return new InquirySubmission(InquirySubmitStatus.TaskGone);

        var outputs = task.Outputs.OrderBy(o => o.Ordinal).ToList();
        if (!outputs.Any(o => o.Transferable == true)) return new InquirySubmission(InquirySubmitStatus.NotTransferable);
        string? outputTitle = null;
        if (cleaned.Output is { } index)
        {
            if (index >= outputs.Count || outputs[index].Transferable != true)
            {
                return new InquirySubmission(InquirySubmitStatus.Invalid, Errors:
                [
                    new FieldError("output", $"Kết quả số {index} không phải kết quả có thể chuyển giao của nhiệm vụ này; chọn một trong: " +
                        $"{TransferableList(outputs)} (output {index} is not a transferable output of this task; choose one of: {TransferableList(outputs)})"),
                ]);
            }
            outputTitle = outputs[index].Title;
        }

        var (route, address) = await RouteAsync(db, task, ct);
        var now = clock.GetUtcNow();
        var inquiry = new Inquiry
        {
            PublicId = PublicIds.NewInquiryId(),
            TaskId = task.Id,
            OutputIndex = cleaned.Output,
            Organization = cleaned.Organization,
            ContactName = cleaned.ContactName,
            ContactEmail = cleaned.ContactEmail,
            Phone = cleaned.Phone,
            Need = cleaned.Need,
            ConsentVersion = InquiryConsent.Version,
            ConsentedAt = now,
            Status = address is null ? InquiryStatus.AwaitingContact : InquiryStatus.Relayed,
            Route = route,
            CreatedAt = now,
            UpdatedAt = now,
            RelayedAt = address is null ? null : now,
        };
        db.Inquiries.Add(inquiry);
        var facts = new InquiryMail.Facts(inquiry.PublicId, task.Code, task.Title, outputTitle, context.TaskUrl, cleaned, now);
        if (address is not null) MailQueue.Add(db, InquiryMail.Relay(facts, address), now);
        if (options.Value.SendAcknowledgement) MailQueue.Add(db, InquiryMail.Acknowledgement(facts, address is null), now);
        await db.SaveChangesAsync(ct);
        return new InquirySubmission(InquirySubmitStatus.Accepted, inquiry.PublicId, inquiry.Status);
    }

    public async Task<InquiryPage> ListAsync(InquiryStatus? status, string? taskId, string? cursor, int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        long? after = string.IsNullOrEmpty(cursor) ? null : InquiryQueries.DecodeCursor(cursor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var filtered = InquiryQueries.Filtered(db, status, taskId);
        var total = await filtered.CountAsync(ct);
        var page = after is { } last ? filtered.Where(i => i.Id < last) : filtered;
        var rows = await page.OrderByDescending(i => i.Id).Take(size + 1)
            .Select(i => new { i.Id, Summary = new InquirySummary(i.PublicId, i.Task.PublicId, i.Task.Code, i.Organization, i.Status, i.Route,
                i.CreatedAt, i.RelayedAt, i.UpdatedAt, i.PersonalDataErasedAt != null) })
            .ToListAsync(ct);
        var next = rows.Count > size ? InquiryQueries.EncodeCursor(rows[size - 1].Id) : null;
        return new InquiryPage(rows.Take(size).Select(r => r.Summary).ToList(), next, total);
    }

    public async Task<InquiryRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        if (!PublicIds.IsWellFormed(id, 'q')) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var inquiry = await db.Inquiries.AsNoTracking().Include(i => i.Task).ThenInclude(t => t.Outputs)
            .SingleOrDefaultAsync(i => i.PublicId == id, ct);
        return inquiry is null ? null : await InquiryQueries.ViewAsync(db, inquiry, ct);
    }

    public async Task<InquiryWriteResult> SetStatusAsync(string id, InquiryStatus status, string? note, Actor actor, CancellationToken ct = default)
    {
        if (status is not (InquiryStatus.Answered or InquiryStatus.Closed))
        {
            return Invalid("status", "Cán bộ chỉ đặt được tình trạng answered hoặc closed; chuyển tiếp dùng POST /inquiries/{id}/relay " +
                "(curators set status answered or closed; to relay use POST /inquiries/{id}/relay)");
        }
        var (cleanNote, noteError) = InquiryValidator.Note(note);
        if (noteError is not null) return new InquiryWriteResult(WriteStatus.Invalid, Errors: [noteError]);

        await using var db = await factory.CreateDbContextAsync(ct);
        var inquiry = await db.Inquiries.Include(i => i.Task).ThenInclude(t => t.Outputs).SingleOrDefaultAsync(i => i.PublicId == id, ct);
        if (inquiry is null) return new InquiryWriteResult(WriteStatus.NotFound);
        if (inquiry.Status == status && inquiry.StatusNote == cleanNote)
        {
            return new InquiryWriteResult(WriteStatus.Unchanged, await InquiryQueries.ViewAsync(db, inquiry, ct));
        }
        if (inquiry.Status == InquiryStatus.Closed && status != InquiryStatus.Closed)
        {
            return Invalid("status", "Yêu cầu đã đóng không mở lại được (a closed inquiry cannot be reopened)");
        }

        var now = clock.GetUtcNow();
        var changes = new JsonObject
        {
            ["status"] = Change(CatalogKey(inquiry.Status), CatalogKey(status)),
            ["note"] = Change(inquiry.StatusNote, cleanNote),
        };
        inquiry.Status = status;
        inquiry.StatusNote = cleanNote;
        inquiry.UpdatedAt = now;
        db.AuditEntries.Add(Audit(AuditAction.InquiryStatus, inquiry.PublicId, changes, actor, now));
        await db.SaveChangesAsync(ct);
        return new InquiryWriteResult(WriteStatus.Ok, await InquiryQueries.ViewAsync(db, inquiry, ct));
    }

    public async Task<InquiryWriteResult> RelayAsync(string id, string? taskUrl, Actor actor, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var inquiry = await db.Inquiries.Include(i => i.Task).ThenInclude(t => t.Outputs)
            .Include(i => i.Task).ThenInclude(t => t.Investigators).AsSplitQuery()
            .SingleOrDefaultAsync(i => i.PublicId == id, ct);
        if (inquiry is null) return new InquiryWriteResult(WriteStatus.NotFound);
        if (inquiry.Status != InquiryStatus.AwaitingContact)
        {
            return Invalid("status", "Chỉ chuyển tiếp được yêu cầu đang chờ địa chỉ liên hệ (only an inquiry awaiting a contact can be relayed)");
        }
        if (inquiry.PersonalDataErasedAt is not null || inquiry.ContactEmail is null || inquiry.ContactName is null || inquiry.Need is null)
        {
            return Invalid("id", "Thông tin liên hệ của yêu cầu đã bị xoá theo thời hạn lưu trữ; không chuyển tiếp được (the inquiry's contact details were erased; it cannot be relayed)");
        }
        var (route, address) = await RouteAsync(db, inquiry.Task, ct);
        if (address is null)
        {
            return Invalid("id", "Chưa có địa chỉ: hãy ghi e-mail liên hệ của tổ chức chủ trì (PUT /api/v1/organizations/{id}/contact) trước " +
                "(no address yet: set the host organization's contact first with PUT /api/v1/organizations/{id}/contact)");
        }

        var now = clock.GetUtcNow();
        var outputs = inquiry.Task.Outputs.OrderBy(o => o.Ordinal).ToList();
        var outputTitle = inquiry.OutputIndex is { } index && index < outputs.Count ? outputs[index].Title : null;
        var cleaned = new InquiryValidator.Cleaned(inquiry.Organization, inquiry.ContactName, inquiry.ContactEmail, inquiry.Phone, inquiry.Need, inquiry.OutputIndex);
        MailQueue.Add(db, InquiryMail.Relay(new InquiryMail.Facts(inquiry.PublicId, inquiry.Task.Code, inquiry.Task.Title, outputTitle, taskUrl, cleaned, inquiry.CreatedAt), address), now);
        var changes = new JsonObject
        {
            ["status"] = Change(CatalogKey(inquiry.Status), CatalogKey(InquiryStatus.Relayed)),
            ["route"] = Change(CatalogKey(inquiry.Route), CatalogKey(route)),
        };
        inquiry.Status = InquiryStatus.Relayed;
        inquiry.Route = route;
        inquiry.RelayedAt = now;
        inquiry.UpdatedAt = now;
        db.AuditEntries.Add(Audit(AuditAction.InquiryRelay, inquiry.PublicId, changes, actor, now));
        await db.SaveChangesAsync(ct);
        return new InquiryWriteResult(WriteStatus.Ok, await InquiryQueries.ViewAsync(db, inquiry, ct));
    }

    public async Task<OrganizationContactView?> GetOrganizationContactAsync(string organizationId, CancellationToken ct = default)
    {
        if (!PublicIds.IsWellFormed(organizationId, 'o')) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.PublicId == organizationId, ct);
        if (org is null) return null;
        var contact = await db.OrganizationContacts.AsNoTracking().SingleOrDefaultAsync(c => c.OrganizationId == org.Id, ct);
        return new OrganizationContactView(org.PublicId, org.Name, contact?.Email, contact?.UpdatedAt, contact?.UpdatedBy);
    }

    public async Task<(WriteStatus Status, OrganizationContactView? Contact, IReadOnlyList<FieldError>? Errors)> SetOrganizationContactAsync(
        string organizationId, string? email, Actor actor, CancellationToken ct = default)
    {
        var wanted = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (wanted is not null && !MailAddresses.IsValid(wanted))
        {
            return (WriteStatus.Invalid, null, [new FieldError("email",
                "E-mail không hợp lệ: chỉ một địa chỉ dạng ten@ten-mien.vn, không có tên hiển thị (not a valid e-mail: one bare address such as name@example.vn)")]);
        }
        if (!PublicIds.IsWellFormed(organizationId, 'o')) return (WriteStatus.NotFound, null, null);
        await using var db = await factory.CreateDbContextAsync(ct);
        var org = await db.Organizations.SingleOrDefaultAsync(o => o.PublicId == organizationId, ct);
        if (org is null) return (WriteStatus.NotFound, null, null);
        var contact = await db.OrganizationContacts.SingleOrDefaultAsync(c => c.OrganizationId == org.Id, ct);
        if (string.Equals(contact?.Email, wanted, StringComparison.Ordinal))
        {
            return (WriteStatus.Unchanged, new OrganizationContactView(org.PublicId, org.Name, contact?.Email, contact?.UpdatedAt, contact?.UpdatedBy), null);
        }

        var now = clock.GetUtcNow();
        var changes = new JsonObject { ["contactEmail"] = Change(contact?.Email, wanted) };
        if (wanted is null)
        {
            db.OrganizationContacts.Remove(contact!);
        }
        else if (contact is null)
        {
            db.OrganizationContacts.Add(contact = new OrganizationContact { OrganizationId = org.Id, Email = wanted, UpdatedAt = now, UpdatedBy = actor.Name });
        }
        else
        {
            contact.Email = wanted;
            contact.UpdatedAt = now;
            contact.UpdatedBy = actor.Name;
        }
        db.AuditEntries.Add(Audit(AuditAction.InquiryOrganizationContact, org.PublicId, changes, actor, now));
        await db.SaveChangesAsync(ct);
        return wanted is null
            ? (WriteStatus.Ok, new OrganizationContactView(org.PublicId, org.Name, null, null, null), null)
            : (WriteStatus.Ok, new OrganizationContactView(org.PublicId, org.Name, contact!.Email, contact.UpdatedAt, contact.UpdatedBy), null);
    }

    public async Task<InquiryStatistics> StatisticsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var byStatus = await db.Inquiries.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var tasks = await db.Inquiries.Select(i => i.TaskId).Distinct().CountAsync(ct);
        var dates = await db.Inquiries.Select(i => new { i.CreatedAt, Relayed = i.RelayedAt != null }).ToListAsync(ct);
        var years = dates.GroupBy(d => VietnamTime.DateOf(d.CreatedAt).Year).OrderBy(g => g.Key)
            .Select(g => new InquiryYearCount(g.Key, g.Count(), g.Count(d => d.Relayed))).ToList();
        var statusCounts = Enum.GetValues<InquiryStatus>().ToDictionary(CatalogKey, s => byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0);
        return new InquiryStatistics(dates.Count, statusCounts, dates.Count(d => d.Relayed), tasks, years);
    }

    public async Task<int> ErasePersonalDataAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.PersonalDataRetentionDays);
        var erased = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var due = await db.Inquiries.Where(i => i.PersonalDataErasedAt == null && i.CreatedAt < cutoff)
                .OrderBy(i => i.Id).Take(EraseBatch).ToListAsync(ct);
            if (due.Count == 0) return erased;
            var ids = due.Select(i => i.PublicId).ToList();
            foreach (var inquiry in due)
            {
                inquiry.ContactName = null;
                inquiry.ContactEmail = null;
                inquiry.Phone = null;
                inquiry.Need = null;
                inquiry.PersonalDataErasedAt = now;
                inquiry.UpdatedAt = now;
            }
            var mails = await db.MailQueue.Where(m => m.RelatedId != null && ids.Contains(m.RelatedId) && m.ErasedAt == null
                && (m.SentAt != null || m.GaveUpAt != null)).ToListAsync(ct);
            foreach (var mail in mails)
            {
                // The relay's recipient is the host's address (not the business's); the acknowledgement's is the business's own.
                if (mail.Purpose == MailPurposes.Acknowledgement) mail.To = "";
                mail.ToName = null;
                mail.ReplyTo = null;
                mail.TextBody = "";
                mail.HtmlBody = null;
                mail.ErasedAt = now;
            }
            await db.SaveChangesAsync(ct);
            erased += due.Count;
        }
    }

    private async Task<(InquiryRoute Route, string? Address)> RouteAsync(RegistryDbContext db, ScienceTask task, CancellationToken ct)
    {
        var host = await db.OrganizationContacts.Where(c => c.OrganizationId == task.HostOrganizationId).Select(c => c.Email).FirstOrDefaultAsync(ct);
        if (MailAddresses.IsValid(host)) return (InquiryRoute.HostContact, host!.Trim());
        var principal = task.Investigators.Where(i => i.IsPrincipal).OrderBy(i => i.Ordinal).Select(i => i.Email).FirstOrDefault();
        if (MailAddresses.IsValid(principal)) return (InquiryRoute.PrincipalInvestigator, principal!.Trim());
        var fallback = options.Value.FallbackAddress;
        if (MailAddresses.IsValid(fallback)) return (InquiryRoute.DepartmentMailbox, fallback!.Trim());
        return (InquiryRoute.None, null);
    }

    private static string TransferableList(List<TaskOutput> outputs) =>
        string.Join(", ", outputs.Select((o, i) => (o, i)).Where(x => x.o.Transferable == true).Select(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    internal static string CatalogKey<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static JsonObject Change(string? from, string? to) => new() { ["from"] = from, ["to"] = to };

    private static InquiryWriteResult Invalid(string path, string message) => new(WriteStatus.Invalid, Errors: [new FieldError(path, message)]);

    private static AuditEntry Audit(AuditAction action, string entityId, JsonObject changes, Actor actor, DateTimeOffset now) => new()
    {
        At = now,
        Actor = actor.Name,
        Action = action,
        EntityId = entityId,
        ChangesJson = changes.ToJsonString(RegistryJson.Options),
    };
}
