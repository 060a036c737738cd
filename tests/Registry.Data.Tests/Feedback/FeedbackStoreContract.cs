using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Feedback;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Feedback;

/// <summary><see cref="IFeedbackStore"/> on each provider: submission rules, moderation paths, audit, retention.</summary>
public abstract class FeedbackStoreContract(StoreHarness store)
{
    private static readonly Actor Curator = new("curator-feedback", ApiRole.Curator);
    private IFeedbackStore Feedback => store.Services.GetRequiredService<IFeedbackStore>();

    private async Task<string> TaskAsync(Visibility visibility = Visibility.Published)
    {
        var created = (await store.Tasks.CreateAsync(TestRecords.Valid() with { Visibility = visibility == Visibility.Withdrawn ? Visibility.Published : visibility }, Curator)).Task!;
        if (visibility == Visibility.Withdrawn) await store.Tasks.SetVisibilityAsync(created.Id, Visibility.Withdrawn, "Trùng lặp", null, Curator);
        return created.Id;
    }

    private static string UniqueEmail() => $"nguoi.gui.{Guid.NewGuid():N}@vi-du.vn";

    private async Task<string> SubmitAsync(string? task, string? email = null, string? name = null, string message = "Kết quả nhiệm vụ này rất hữu ích cho hợp tác xã chè của chúng tôi.")
    {
        var result = await Feedback.SubmitAsync(new FeedbackSubmission { Task = task, Message = message, Name = name, Email = email, Consent = email is not null || name is not null });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors?.Select(e => e.Path + ": " + e.Message) ?? []));
        return result.Id!;
    }

    private async Task<List<AuditEntry>> AuditAsync(string id)
    {
        await using var db = store.NewContext();
        return await db.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
    }

    [StoreFact]
    public async Task A_submission_is_stored_pending_with_its_consent_and_audited_without_personal_data()
    {
        var task = await TaskAsync();
        var email = UniqueEmail();
        var id = await SubmitAsync(task, email, "Nguyễn Thị Hoa", "  Đề nghị công bố thêm quy trình kỹ thuật\u0301.  ");
        Assert.True(PublicIds.IsWellFormed(id, 'f'));

        var stored = await Feedback.FindAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(FeedbackStatus.Pending, stored.Status);
        Assert.Equal(task, stored.Task);
        Assert.Equal("Đề nghị công bố thêm quy trình kỹ thuật\u0301.".Normalize(System.Text.NormalizationForm.FormC), stored.Message);
        Assert.Equal(email, stored.Email);
        Assert.Equal(FeedbackConsent.Version, stored.ConsentVersion);
        Assert.Equal(store.Clock.GetUtcNow(), stored.ConsentAt);
        Assert.Equal("vi", stored.Language);

        // Pending is never public.
        Assert.DoesNotContain(await Feedback.ListApprovedAsync(task, 100), f => f.Id == id);
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal(AuditAction.Create, audit.Action);
        Assert.DoesNotContain(email, audit.ChangesJson);
        Assert.DoesNotContain("Hoa", audit.ChangesJson);
    }

    [StoreFact]
    public async Task Registry_wide_feedback_has_no_task_and_no_consent_without_personal_data()
    {
        var result = await Feedback.SubmitAsync(new FeedbackSubmission { Message = "Trang tìm kiếm nên có bộ lọc theo huyện.", Consent = true, Language = "en" });
        var stored = await Feedback.FindAsync(result.Id!);
        Assert.Null(stored!.Task);
        Assert.Null(stored.ConsentVersion);
        Assert.Null(stored.ConsentAt);
        Assert.Equal("en", stored.Language);
    }

    [StoreFact]
    public async Task Bad_submissions_are_refused_by_field_and_store_nothing()
    {
        var draft = await TaskAsync(Visibility.Draft);
        var withdrawn = await TaskAsync(Visibility.Withdrawn);
        var published = await TaskAsync();
        int before;
        await using (var db = store.NewContext()) before = await db.FeedbackEntries.CountAsync();

        (FeedbackSubmission Input, string Path)[] cases =
        [
            (new() { Message = null }, "message"),
            (new() { Message = "   \u200b " }, "message"),
            (new() { Message = "ngắn" }, "message"),
            (new() { Message = new string('a', FeedbackLimits.Message + 1) }, "message"),
            (new() { Message = "Xem <a href=\"http://x.example\">đây</a> nhé các bạn" }, "message"),
            (new() { Message = "<script>alert(1)</script> góp ý dài dài" }, "message"),
            (new() { Message = "[url=http://spam.example]giá rẻ[/url] mua ngay" }, "message"),
            (new() { Message = "http://a.example http://b.example" }, "message"),
            (new() { Message = "Xem http://a.example http://b.example http://c.example http://d.example nhé" }, "message"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Email = "khong-phai-email" }, "email"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Email = "Hoa <hoa@vi-du.vn>", Consent = true }, "email"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Email = "hoa@vi-du.vn" }, "consent"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Name = "Hoa" }, "consent"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Name = new string('H', FeedbackLimits.Name + 1), Consent = true }, "name"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Language = "fr" }, "language"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Task = "ĐT-2024-1" }, "task"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Task = "t0000000000zz" }, "task"),
            (new() { Message = "Góp ý hợp lệ về nhiệm vụ.", Task = draft }, "task"),
        ];
        foreach (var (input, path) in cases)
        {
            var result = await Feedback.SubmitAsync(input);
            Assert.False(result.Succeeded, $"accepted: {input}");
            Assert.Contains(result.Errors!, e => e.Path == path);
            Assert.All(result.Errors!, e => Assert.Contains(" (", e.Message));
        }
        var gone = await Feedback.SubmitAsync(new() { Message = "Góp ý về nhiệm vụ đã rút.", Task = withdrawn });
        Assert.True(gone.TaskGone);

        // One link inside real text is fine.
        Assert.True((await Feedback.SubmitAsync(new() { Message = "Tài liệu liên quan ở http://thuvien.example/chè rất hay.", Task = published })).Succeeded);
        await using (var db = store.NewContext()) Assert.Equal(before + 1, await db.FeedbackEntries.CountAsync());
    }

    [StoreFact]
    public async Task Moderation_approve_reply_reject_with_versions_and_one_audit_entry_per_decision()
    {
        var task = await TaskAsync();
        var email = UniqueEmail();
        var id = await SubmitAsync(task, email, "Trần Văn Nam");

        var reply0 = await Feedback.ReplyAsync(id, "Cảm ơn anh.", approve: false, null, Curator);
        Assert.Equal(WriteStatus.Invalid, reply0.Status);
        Assert.Contains(reply0.Errors!, e => e.Path == "approve");

        var stale = await Feedback.ApproveAsync(id, 99, Curator);
        Assert.Equal(WriteStatus.VersionMismatch, stale.Status);
        Assert.Equal(1, stale.Feedback!.Version);

        var approved = await Feedback.ApproveAsync(id, 1, Curator);
        Assert.Equal(WriteStatus.Ok, approved.Status);
        Assert.Equal(FeedbackStatus.Approved, approved.Feedback!.Status);
        Assert.Equal(Curator.Name, approved.Feedback.ModeratedBy);
        Assert.Equal(2, approved.Feedback.Version);
        Assert.Equal(WriteStatus.Unchanged, (await Feedback.ApproveAsync(id, null, Curator)).Status);

        var publicView = Assert.Single(await Feedback.ListApprovedAsync(task, 100), f => f.Id == id);
        Assert.Null(publicView.Reply);

        store.Clock.Advance(TimeSpan.FromHours(1));
        var replied = await Feedback.ReplyAsync(id, "Sở sẽ công bố quy trình trong quý tới.", approve: false, 2, Curator);
        Assert.Equal(WriteStatus.Ok, replied.Status);
        Assert.Equal(Curator.Name, replied.Feedback!.RepliedBy);
        Assert.Equal(WriteStatus.Unchanged, (await Feedback.ReplyAsync(id, "Sở sẽ công bố quy trình trong quý tới.", false, null, Curator)).Status);
        publicView = Assert.Single(await Feedback.ListApprovedAsync(task, 100), f => f.Id == id);
        Assert.Equal("Sở sẽ công bố quy trình trong quý tới.", publicView.Reply!.Text);
        Assert.Equal(store.Clock.GetUtcNow(), publicView.Reply.RepliedAt);

        var rejected = await Feedback.RejectAsync(id, "Trùng nội dung góp ý khác", null, Curator);
        Assert.Equal(FeedbackStatus.Rejected, rejected.Feedback!.Status);
        Assert.Equal("Trùng nội dung góp ý khác", rejected.Feedback.RejectReason);
        Assert.DoesNotContain(await Feedback.ListApprovedAsync(task, 100), f => f.Id == id);

        var audit = await AuditAsync(id);
        Assert.Equal([AuditAction.Create, AuditAction.FeedbackApprove, AuditAction.FeedbackReply, AuditAction.FeedbackReject], audit.Select(a => a.Action));
        Assert.All(audit.Skip(1), a => Assert.Equal(Curator.Name, a.Actor));
        Assert.Contains("\"approved\"", audit[1].ChangesJson);
        Assert.All(audit, a => Assert.DoesNotContain(email, a.ChangesJson));
        Assert.All(audit, a => Assert.DoesNotContain("Nam", a.ChangesJson));
    }

    [StoreFact]
    public async Task A_reply_with_approve_publishes_rejected_feedback_and_audits_both_decisions()
    {
        var task = await TaskAsync();
        var id = await SubmitAsync(task);
        await Feedback.RejectAsync(id, null, null, Curator);
        var result = await Feedback.ReplyAsync(id, "Đã tiếp thu.", approve: true, null, Curator);
        Assert.Equal(FeedbackStatus.Approved, result.Feedback!.Status);
        Assert.Null(result.Feedback.RejectReason);
        Assert.Single(await Feedback.ListApprovedAsync(task, 100), f => f.Id == id);
        var actions = (await AuditAsync(id)).Select(a => a.Action).ToList();
        Assert.Equal([AuditAction.Create, AuditAction.FeedbackReject, AuditAction.FeedbackApprove, AuditAction.FeedbackReply], actions);
        Assert.Equal(WriteStatus.NotFound, (await Feedback.ApproveAsync("f0000000000zz", null, Curator)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Feedback.ApproveAsync("not-an-id", null, Curator)).Status);
    }

    [StoreFact]
    public async Task Curator_lists_are_paged_by_status_and_task_with_the_queue_oldest_first()
    {
        var task = await TaskAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await SubmitAsync(task));
        await Feedback.ApproveAsync(ids[4], null, Curator);

        var first = await Feedback.ListAsync(FeedbackStatus.Pending, task, null, 3);
        Assert.Equal(4, first.Count);
        Assert.Equal(ids.Take(3), first.Results.Select(r => r.Id));
        var second = await Feedback.ListAsync(FeedbackStatus.Pending, task, first.NextCursor, 3);
        Assert.Equal([ids[3]], second.Results.Select(r => r.Id));
        Assert.Null(second.NextCursor);

        var all = await Feedback.ListAsync(null, task, null, 10);
        Assert.Equal(ids.AsEnumerable().Reverse(), all.Results.Select(r => r.Id));
        Assert.Equal([ids[4]], (await Feedback.ListAsync(FeedbackStatus.Approved, task, null, 10)).Results.Select(r => r.Id));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Feedback.ListAsync(null, task, "bm90LWEtY3Vyc29y", 10));
    }

    [StoreFact]
    public async Task The_retention_sweep_erases_personal_data_of_approved_feedback_deletes_the_rest_and_leaves_no_trace()
    {
        var task = await TaskAsync();
        var emails = Enumerable.Range(0, 4).Select(_ => UniqueEmail()).ToArray();
        var name = "Lê Thị Retention " + Guid.NewGuid().ToString("N")[..8];
        var pending = await SubmitAsync(task, emails[0], name);
        var rejected = await SubmitAsync(task, emails[1], name);
        var approved = await SubmitAsync(task, emails[2], name);
        await Feedback.RejectAsync(rejected, "Quảng cáo", null, Curator);
        await Feedback.ReplyAsync(approved, "Cảm ơn chị đã góp ý.", approve: true, null, Curator);

        store.Clock.Advance(TimeSpan.FromDays(100));
        var recent = await SubmitAsync(task, emails[3], name);
        store.Clock.Advance(TimeSpan.FromDays(81)); // the first three are now 181 days old, the last 81

        var sweep = await Feedback.SweepAsync(store.Clock.GetUtcNow() - TimeSpan.FromDays(180));
        Assert.True(sweep.Erased >= 1 && sweep.Deleted >= 2, sweep.ToString());

        Assert.Null(await Feedback.FindAsync(pending));
        Assert.Null(await Feedback.FindAsync(rejected));
        var kept = await Feedback.FindAsync(approved);
        Assert.NotNull(kept);
        Assert.Null(kept.Name);
        Assert.Null(kept.Email);
        Assert.Equal(store.Clock.GetUtcNow(), kept.PersonalDataErasedAt);
        Assert.Equal("Cảm ơn chị đã góp ý.", Assert.Single(await Feedback.ListApprovedAsync(task, 100), f => f.Id == approved).Reply!.Text);
        Assert.Equal(emails[3], (await Feedback.FindAsync(recent))!.Email);

        // Nothing personal of the old three remains anywhere in the database (rows, audit entries, any table).
        await using (var db = store.NewContext())
        {
            foreach (var email in emails[..3]) Assert.Empty(await DatabaseScan.FindAsync(db, email));
            Assert.Equal(["Feedback.SenderName"], await DatabaseScan.FindAsync(db, name)); // the recent one only
            var erasures = await db.AuditEntries.Where(a => a.Action == AuditAction.FeedbackErase && (a.EntityId == pending || a.EntityId == approved)).ToListAsync();
            Assert.Equal(2, erasures.Count);
            Assert.All(erasures, a => Assert.Equal("retention", a.Actor));
        }

        // A second sweep finds nothing more to do.
        Assert.Equal(new FeedbackSweep(0, 0), await Feedback.SweepAsync(store.Clock.GetUtcNow() - TimeSpan.FromDays(180)));
    }

    [StoreFact]
    public async Task Erasing_on_request_removes_name_and_email_now_and_is_audited()
    {
        var email = UniqueEmail();
        var id = await SubmitAsync(null, email, "Phạm Minh");
        var erased = await Feedback.ErasePersonalDataAsync(id, Curator);
        Assert.Equal(WriteStatus.Ok, erased.Status);
        Assert.Null(erased.Feedback!.Email);
        Assert.Equal(WriteStatus.Unchanged, (await Feedback.ErasePersonalDataAsync(id, Curator)).Status);
        var audit = (await AuditAsync(id)).Last();
        Assert.Equal(AuditAction.FeedbackErase, audit.Action);
        Assert.Contains("\"email\"", audit.ChangesJson);
        await using var db = store.NewContext();
        Assert.Empty(await DatabaseScan.FindAsync(db, email));
    }

    [Fact]
    public void Retention_settings_out_of_range_are_refused_at_start()
    {
        var validator = new FeedbackOptionsValidator();
        Assert.True(validator.Validate(null, new FeedbackOptions { PersonalDataRetentionDays = 0 }).Failed);
        Assert.True(validator.Validate(null, new FeedbackOptions { SweepIntervalMinutes = 0 }).Failed);
        Assert.True(validator.Validate(null, new FeedbackOptions()).Succeeded);
    }
}

public sealed class SqliteFeedbackStoreTests(SqliteHarness store) : FeedbackStoreContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerFeedbackStoreTests(SqlServerHarness store) : FeedbackStoreContract(store), IClassFixture<SqlServerHarness>;
