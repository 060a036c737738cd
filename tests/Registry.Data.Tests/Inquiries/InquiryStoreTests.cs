using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Inquiries;
using Registry.Data.Mail;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Inquiries;

/// <summary>
/// The inquiry store on SQLite: an inquiry and its mails commit together, routing goes host contact → principal
/// investigator → Department mailbox → awaiting contact, hostile fields never reach a header, statuses are audited,
/// and personal data goes after the retention period on the store's clock.
/// </summary>
public sealed class InquiryStoreTests(SqliteHarness store) : IClassFixture<SqliteHarness>
{
    private static readonly Actor Curator = new("curator-inquiries", ApiRole.Curator);
    private const string Business = "giamdoc@chethaiphu.vn";

    private IInquiryStore Inquiries => store.Services.GetRequiredService<IInquiryStore>();

    private IInquiryStore StoreWith(InquiryOptions options) => new InquiryStore(
        store.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>(), store.Clock, Options.Create(options));

    private static InquiryInput Input(string? need = null, int? output = null) => new()
    {
        Organization = "Công ty TNHH Chè Thái Phú",
        ContactName = "Đỗ Thị Hạnh",
        ContactEmail = Business,
        Phone = "+84 912 345 678",
        Need = need ?? "Chúng tôi muốn áp dụng quy trình nhân giống chè cho 20 ha chè Shan tuyết ở Tân Sơn.",
        Output = output,
        Consent = true,
    };

    private async Task<StoredTask> TaskAsync(Func<TaskRecord, TaskRecord>? change = null, Visibility visibility = Visibility.Published)
    {
        var record = TestRecords.Valid(organization: "Viện Chè " + Guid.NewGuid().ToString("N")[..8]) with { Visibility = Visibility.Published };
        if (change is not null) record = change(record);
        var created = (await store.Tasks.CreateAsync(record with { Visibility = visibility == Visibility.Draft ? Visibility.Draft : Visibility.Published }, Curator)).Task!;
        if (visibility != Visibility.Withdrawn) return created;
        return (await store.Tasks.SetVisibilityAsync(created.Id, Visibility.Withdrawn, "Trùng lặp", null, Curator)).Task!;
    }

    private async Task<List<MailEntry>> MailsAsync(string inquiryId)
    {
        await using var db = store.NewContext();
        return await db.MailQueue.Where(m => m.RelatedId == inquiryId).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task A_submission_stores_the_inquiry_and_queues_the_relay_and_the_acknowledgement_together()
    {
        var task = await TaskAsync();

        var result = await Inquiries.SubmitAsync(task.Id, Input(output: 0), new InquiryContext("https://registry.example/tasks/" + task.Id));

        Assert.Equal(InquirySubmitStatus.Accepted, result.Status);
        Assert.True(PublicIds.IsWellFormed(result.Id, 'q'), result.Id);
        Assert.Equal(InquiryStatus.Relayed, result.InquiryStatus);
        var mails = await MailsAsync(result.Id!);
        Assert.Equal(2, mails.Count);

        var relay = Assert.Single(mails, m => m.Purpose == MailPurposes.Inquiry);
        Assert.Equal("an.nguyen@hvu.edu.vn", relay.To); // principal investigator: no host contact recorded
        Assert.Equal(Business, relay.ReplyTo);
        Assert.Contains(task.Record.Code!, relay.Subject);
        Assert.StartsWith("Yêu cầu chuyển giao công nghệ", relay.Subject);
        Assert.Contains(task.Record.Title!, relay.TextBody);
        Assert.Contains("Quy trình nhân giống chè", relay.TextBody); // the output asked about
        Assert.Contains("20 ha chè Shan tuyết", relay.TextBody);
        Assert.Contains("Công ty TNHH Chè Thái Phú", relay.TextBody);
        Assert.Contains("https://registry.example/tasks/" + task.Id, relay.TextBody);
        Assert.Contains("Nghị định 13/2023", relay.TextBody);

        var ack = Assert.Single(mails, m => m.Purpose == MailPurposes.Acknowledgement);
        Assert.Equal(Business, ack.To);
        Assert.Null(ack.ReplyTo);
        Assert.DoesNotContain("an.nguyen@hvu.edu.vn", ack.TextBody);
        Assert.DoesNotContain("20 ha chè", ack.TextBody); // never echoes what the sender wrote
        Assert.Contains(result.Id!, ack.TextBody);

        var read = (await Inquiries.FindAsync(result.Id!))!;
        Assert.Equal(InquiryRoute.PrincipalInvestigator, read.Route);
        Assert.Equal(InquiryConsent.Version, read.ConsentVersion);
        Assert.Equal(store.Clock.GetUtcNow(), read.ConsentedAt);
        Assert.Equal(store.Clock.GetUtcNow(), read.RelayedAt);
        Assert.Equal("Quy trình nhân giống chè", read.OutputTitle);
        Assert.NotNull(read.Relay);
        Assert.Null(read.Relay!.SentAt);
    }

    [Fact]
    public async Task Routing_prefers_the_host_contact_then_the_principal_investigator_then_the_department_then_waits()
    {
        var task = await TaskAsync();
        var org = task.Record.HostOrganization!.Id!;
        var (set, _, _) = await Inquiries.SetOrganizationContactAsync(org, "chuyengiao@viencha.vn", Curator);
        Assert.Equal(WriteStatus.Ok, set);

        var host = await Inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null));
        Assert.Equal("chuyengiao@viencha.vn", Assert.Single(await MailsAsync(host.Id!), m => m.Purpose == MailPurposes.Inquiry).To);
        Assert.Equal(InquiryRoute.HostContact, (await Inquiries.FindAsync(host.Id!))!.Route);

        await Inquiries.SetOrganizationContactAsync(org, null, Curator);
        var principal = await Inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null));
        Assert.Equal("an.nguyen@hvu.edu.vn", Assert.Single(await MailsAsync(principal.Id!), m => m.Purpose == MailPurposes.Inquiry).To);

        var noEmail = await TaskAsync(r => r with { PrincipalInvestigator = r.PrincipalInvestigator! with { Email = null } });
        var department = await StoreWith(new InquiryOptions { FallbackAddress = "sokhcn@phutho.gov.vn" })
            .SubmitAsync(noEmail.Id, Input(), new InquiryContext(null));
        Assert.Equal("sokhcn@phutho.gov.vn", Assert.Single(await MailsAsync(department.Id!), m => m.Purpose == MailPurposes.Inquiry).To);
        Assert.Equal(InquiryRoute.DepartmentMailbox, (await Inquiries.FindAsync(department.Id!))!.Route);

        var waiting = await Inquiries.SubmitAsync(noEmail.Id, Input(), new InquiryContext(null));
        Assert.Equal(InquiryStatus.AwaitingContact, waiting.InquiryStatus);
        var mails = await MailsAsync(waiting.Id!);
        var ack = Assert.Single(mails);
        Assert.Equal(MailPurposes.Acknowledgement, ack.Purpose);
        Assert.Contains("Sở Khoa học và Công nghệ sẽ chuyển", ack.TextBody);
        var view = (await Inquiries.FindAsync(waiting.Id!))!;
        Assert.Equal(InquiryRoute.None, view.Route);
        Assert.Null(view.RelayedAt);
        Assert.Null(view.Relay);
    }

    [Fact]
    public async Task An_inquiry_awaiting_a_contact_is_relayed_once_the_host_contact_is_recorded_and_the_relay_is_audited()
    {
        var task = await TaskAsync(r => r with { PrincipalInvestigator = r.PrincipalInvestigator! with { Email = null } });
        var waiting = await Inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null));

        var tooSoon = await Inquiries.RelayAsync(waiting.Id!, null, Curator);
        Assert.Equal(WriteStatus.Invalid, tooSoon.Status);
        Assert.Contains("organizations/{id}/contact", tooSoon.Errors![0].Message);

        await Inquiries.SetOrganizationContactAsync(task.Record.HostOrganization!.Id!, "lienhe@viencha.vn", Curator);
        var relayed = await Inquiries.RelayAsync(waiting.Id!, "https://registry.example/tasks/" + task.Id, Curator);

        Assert.Equal(WriteStatus.Ok, relayed.Status);
        Assert.Equal(InquiryStatus.Relayed, relayed.Inquiry!.Status);
        Assert.Equal(InquiryRoute.HostContact, relayed.Inquiry.Route);
        var relay = Assert.Single(await MailsAsync(waiting.Id!), m => m.Purpose == MailPurposes.Inquiry);
        Assert.Equal("lienhe@viencha.vn", relay.To);
        Assert.Equal(Business, relay.ReplyTo);
        Assert.Equal(WriteStatus.Invalid, (await Inquiries.RelayAsync(waiting.Id!, null, Curator)).Status);

        await using var db = store.NewContext();
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.EntityId == waiting.Id).ToListAsync());
        Assert.Equal(AuditAction.InquiryRelay, audit.Action);
        Assert.Equal("curator-inquiries", audit.Actor);
        Assert.DoesNotContain("lienhe@viencha.vn", audit.ChangesJson); // the log records the route, not the address
    }

    [Fact]
    public async Task The_inquiry_and_its_mails_commit_together_or_not_at_all()
    {
        var task = await TaskAsync();
        int before, mailsBefore;
        await using (var db = store.NewContext())
        {
            before = await db.Inquiries.CountAsync();
            mailsBefore = await db.MailQueue.CountAsync();
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_relay BEFORE INSERT ON MailQueue WHEN NEW.Purpose = 'inquiry' BEGIN SELECT RAISE(ABORT, 'mail queue refused'); END;");
        }
        try
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => Inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null)));
            await using var db = store.NewContext();
            Assert.Equal(before, await db.Inquiries.CountAsync());
            Assert.Equal(mailsBefore, await db.MailQueue.CountAsync()); // neither the relay nor the acknowledgement
        }
        finally
        {
            await using var db = store.NewContext();
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_relay;");
        }
        Assert.Equal(InquirySubmitStatus.Accepted, (await Inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null))).Status);
    }

    [Fact]
    public async Task Only_a_published_task_with_a_transferable_output_takes_inquiries()
    {
        var none = await TaskAsync(r => r with { Outputs = [r.Outputs![0] with { Transferable = false }] });
        var draft = await TaskAsync(visibility: Visibility.Draft);
        var withdrawn = await TaskAsync(visibility: Visibility.Withdrawn);
        var two = await TaskAsync(r => r with { Outputs = [r.Outputs![0] with { Transferable = false, Title = "Bài báo" }, r.Outputs[0]] });

        Assert.Equal(InquirySubmitStatus.NotTransferable, (await Inquiries.SubmitAsync(none.Id, Input(), new InquiryContext(null))).Status);
        Assert.Equal(InquirySubmitStatus.TaskNotFound, (await Inquiries.SubmitAsync(draft.Id, Input(), new InquiryContext(null))).Status);
        Assert.Equal(InquirySubmitStatus.TaskGone, (await Inquiries.SubmitAsync(withdrawn.Id, Input(), new InquiryContext(null))).Status);
        Assert.Equal(InquirySubmitStatus.TaskNotFound, (await Inquiries.SubmitAsync("t0000000000zz", Input(), new InquiryContext(null))).Status);
        Assert.Equal(InquirySubmitStatus.TaskNotFound, (await Inquiries.SubmitAsync("../../etc", Input(), new InquiryContext(null))).Status);

        var notThatOne = await Inquiries.SubmitAsync(two.Id, Input(output: 0), new InquiryContext(null));
        Assert.Equal(InquirySubmitStatus.Invalid, notThatOne.Status);
        var error = Assert.Single(notThatOne.Errors!);
        Assert.Equal("output", error.Path);
        Assert.Contains("choose one of: 1", error.Message);
        Assert.Equal(InquirySubmitStatus.Invalid, (await Inquiries.SubmitAsync(two.Id, Input(output: 7), new InquiryContext(null))).Status);
        Assert.Equal(InquirySubmitStatus.Accepted, (await Inquiries.SubmitAsync(two.Id, Input(output: 1), new InquiryContext(null))).Status);
    }

    [Theory]
    [InlineData("organization", "Công ty A\r\nBcc: victim@example.com")]
    [InlineData("contactName", "Hạnh\nSubject: hi")]
    [InlineData("contactEmail", "a@chethaiphu.vn\r\nBcc: victim@example.com")]
    [InlineData("contactEmail", "\"Hạnh\" <a@chethaiphu.vn>")]
    [InlineData("contactEmail", "a@chethaiphu.vn, b@chethaiphu.vn")]
    [InlineData("contactName", "Hạnh\u202Egnp.exe")]
    [InlineData("organization", "Công ty\0 A")]
    [InlineData("phone", "0912; DROP TABLE")]
    public async Task Hostile_one_line_fields_are_refused_before_anything_is_stored(string field, string value)
    {
        var task = await TaskAsync();
        var input = field switch
        {
            "organization" => Input() with { Organization = value },
            "contactName" => Input() with { ContactName = value },
            "contactEmail" => Input() with { ContactEmail = value },
            _ => Input() with { Phone = value },
        };
        var result = await Inquiries.SubmitAsync(task.Id, input, new InquiryContext(null));

        Assert.Equal(InquirySubmitStatus.Invalid, result.Status);
        Assert.Equal(field, Assert.Single(result.Errors!).Path);
        await using var db = store.NewContext();
        Assert.False(await db.MailQueue.AnyAsync(m => m.ReplyTo != null && m.ReplyTo.Contains("victim")));
    }

    [Fact]
    public async Task A_need_with_line_breaks_and_odd_characters_stays_in_the_body_and_never_reaches_a_header()
    {
        var task = await TaskAsync(r => r with { Title = r.Title + " Bcc" });
        var need = "Dòng một\r\nBcc: victim@example.com\r\n\r\nContent-Type: text/html\u0000\uFFFE với chè";
        var result = await Inquiries.SubmitAsync(task.Id, Input(need), new InquiryContext(null));

        Assert.Equal(InquirySubmitStatus.Accepted, result.Status);
        var relay = Assert.Single(await MailsAsync(result.Id!), m => m.Purpose == MailPurposes.Inquiry);
        Assert.DoesNotContain('\r', relay.Subject);
        Assert.DoesNotContain('\n', relay.Subject);
        Assert.Equal(Business, relay.ReplyTo);
        Assert.DoesNotContain('\0', relay.TextBody);
        Assert.DoesNotContain('\uFFFE', relay.TextBody);
        Assert.Contains("Bcc: victim@example.com", relay.TextBody); // as text in the body, which is not a header
    }

    [Theory]
    [InlineData(null, "need")]
    [InlineData("ngắn quá", "need")]
    public async Task Missing_or_too_short_needs_and_missing_consent_name_their_field(string? need, string path)
    {
        var task = await TaskAsync();
        var result = await Inquiries.SubmitAsync(task.Id, Input() with { Need = need }, new InquiryContext(null));
        Assert.Equal(path, Assert.Single(result.Errors!).Path);

        var noConsent = await Inquiries.SubmitAsync(task.Id, Input() with { Consent = false }, new InquiryContext(null));
        Assert.Equal("consent", Assert.Single(noConsent.Errors!).Path);
        var tooLong = await Inquiries.SubmitAsync(task.Id, Input(new string('a', InquiryLimits.Need + 1)), new InquiryContext(null));
        Assert.Equal("need", Assert.Single(tooLong.Errors!).Path);
        var empty = Inquiries.Check(new InquiryInput());
        Assert.Equal(["organization", "contactName", "contactEmail", "need", "consent"], empty.Select(e => e.Path));
    }

    [Fact]
    public async Task Curators_answer_or_close_with_a_note_every_change_audited_and_a_closed_inquiry_stays_closed()
    {
        var task = await TaskAsync();
        var id = (await Inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null))).Id!;

        var relayAgain = await Inquiries.SetStatusAsync(id, InquiryStatus.Relayed, null, Curator);
        Assert.Equal(WriteStatus.Invalid, relayAgain.Status);

        var answered = await Inquiries.SetStatusAsync(id, InquiryStatus.Answered, "Viện đã gửi báo giá ngày 2/3.", Curator);
        Assert.Equal(WriteStatus.Ok, answered.Status);
        Assert.Equal(InquiryStatus.Answered, answered.Inquiry!.Status);
        Assert.Equal("Viện đã gửi báo giá ngày 2/3.", answered.Inquiry.StatusNote);
        Assert.Equal(WriteStatus.Unchanged, (await Inquiries.SetStatusAsync(id, InquiryStatus.Answered, "Viện đã gửi báo giá ngày 2/3.", Curator)).Status);
        Assert.Equal(WriteStatus.Ok, (await Inquiries.SetStatusAsync(id, InquiryStatus.Closed, null, Curator)).Status);
        Assert.Equal(WriteStatus.Invalid, (await Inquiries.SetStatusAsync(id, InquiryStatus.Answered, null, Curator)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Inquiries.SetStatusAsync("q000000000000", InquiryStatus.Closed, null, Curator)).Status);
        Assert.Equal("note", Assert.Single((await Inquiries.SetStatusAsync(id, InquiryStatus.Closed, new string('x', 2001), Curator)).Errors!).Path);

        await using var db = store.NewContext();
        var audits = await db.AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal(AuditAction.InquiryStatus, a.Action));
        var first = JsonNode.Parse(audits[0].ChangesJson)!;
        Assert.Equal("relayed", (string?)first["status"]!["from"]);
        Assert.Equal("answered", (string?)first["status"]!["to"]);
        Assert.Equal("Viện đã gửi báo giá ngày 2/3.", (string?)first["note"]!["to"]);
    }

    [Fact]
    public async Task The_host_contact_is_validated_audited_and_cleared()
    {
        var task = await TaskAsync();
        var org = task.Record.HostOrganization!.Id!;

        var (bad, _, errors) = await Inquiries.SetOrganizationContactAsync(org, "lienhe@viencha.vn\r\nBcc: x@y.vn", Curator);
        Assert.Equal(WriteStatus.Invalid, bad);
        Assert.Equal("email", Assert.Single(errors!).Path);
        Assert.Equal(WriteStatus.NotFound, (await Inquiries.SetOrganizationContactAsync("o000000000000", "a@b.vn", Curator)).Status);

        var (ok, contact, _) = await Inquiries.SetOrganizationContactAsync(org, " lienhe@viencha.vn ", Curator);
        Assert.Equal(WriteStatus.Ok, ok);
        Assert.Equal("lienhe@viencha.vn", contact!.Email);
        Assert.Equal("curator-inquiries", contact.UpdatedBy);
        Assert.Equal(WriteStatus.Unchanged, (await Inquiries.SetOrganizationContactAsync(org, "lienhe@viencha.vn", Curator)).Status);
        Assert.Equal("lienhe@viencha.vn", (await Inquiries.GetOrganizationContactAsync(org))!.Email);
        Assert.Equal(WriteStatus.Ok, (await Inquiries.SetOrganizationContactAsync(org, "", Curator)).Status);
        Assert.Null((await Inquiries.GetOrganizationContactAsync(org))!.Email);

        await using var db = store.NewContext();
        var audits = await db.AuditEntries.Where(a => a.EntityId == org && a.Action == AuditAction.InquiryOrganizationContact).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Equal("lienhe@viencha.vn", (string?)JsonNode.Parse(audits[0].ChangesJson)!["contactEmail"]!["to"]);
        Assert.Null((string?)JsonNode.Parse(audits[1].ChangesJson)!["contactEmail"]!["to"]);
    }

    [Fact]
    public async Task The_log_pages_newest_first_filters_by_status_and_task_and_refuses_foreign_cursors()
    {
        var task = await TaskAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await Inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null))).Id!);
        await Inquiries.SetStatusAsync(ids[1], InquiryStatus.Answered, null, Curator);

        var first = await Inquiries.ListAsync(null, task.Id, null, 2);
        Assert.Equal(3, first.Count);
        Assert.Equal([ids[2], ids[1]], first.Results.Select(r => r.Id));
        var second = await Inquiries.ListAsync(null, task.Id, first.NextCursor, 2);
        Assert.Equal([ids[0]], second.Results.Select(r => r.Id));
        Assert.Null(second.NextCursor);

        var answered = await Inquiries.ListAsync(InquiryStatus.Answered, task.Id, null, 10);
        Assert.Equal([ids[1]], answered.Results.Select(r => r.Id));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Inquiries.ListAsync(null, null, "AAAA", 10));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Inquiries.ListAsync(null, null, "not base64 at all!", 10));
    }

    [Fact]
    public async Task Contact_details_and_need_are_erased_after_the_retention_period_and_the_log_line_stays()
    {
        var harness = new SqliteHarness();
        await harness.InitializeAsync();
        try
        {
            var inquiries = new InquiryStore(harness.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>(), harness.Clock,
                Options.Create(new InquiryOptions { PersonalDataRetentionDays = 30 }));
            var task = (await harness.Tasks.CreateAsync(TestRecords.Valid() with { Visibility = Visibility.Published }, Curator)).Task!;
            var old = (await inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null))).Id!;
            await using (var db = harness.NewContext())
            {
                foreach (var mail in db.MailQueue.Where(m => m.RelatedId == old)) mail.SentAt = harness.Clock.GetUtcNow();
                await db.SaveChangesAsync();
            }
            harness.Clock.Advance(TimeSpan.FromDays(20));
            var recent = (await inquiries.SubmitAsync(task.Id, Input(), new InquiryContext(null))).Id!;

            harness.Clock.Advance(TimeSpan.FromDays(9));
            Assert.Equal(0, await inquiries.ErasePersonalDataAsync());
            harness.Clock.Advance(TimeSpan.FromDays(2));
            Assert.Equal(1, await inquiries.ErasePersonalDataAsync());
            Assert.Equal(0, await inquiries.ErasePersonalDataAsync());

            var erased = (await inquiries.FindAsync(old))!;
            Assert.Null(erased.ContactName);
            Assert.Null(erased.ContactEmail);
            Assert.Null(erased.Phone);
            Assert.Null(erased.Need);
            Assert.Equal(harness.Clock.GetUtcNow(), erased.PersonalDataErasedAt);
            Assert.Equal("Công ty TNHH Chè Thái Phú", erased.Organization);
            Assert.Equal(task.Id, erased.TaskId);
            Assert.Equal(InquiryStatus.Relayed, erased.Status);
            Assert.NotNull(erased.RelayedAt);
            Assert.Equal(Business, (await inquiries.FindAsync(recent))!.ContactEmail);

            await using var check = harness.NewContext();
            var mails = await check.MailQueue.Where(m => m.RelatedId == old).ToListAsync();
            Assert.All(mails, m => Assert.DoesNotContain(Business, m.TextBody + m.ReplyTo + m.To));
            Assert.All(mails, m => Assert.NotNull(m.ErasedAt));
            Assert.Equal(1, (await inquiries.ListAsync(null, null, null, 10)).Results.Count(r => r.PersonalDataErased));
            Assert.Equal(WriteStatus.Invalid, (await inquiries.RelayAsync(old, null, Curator)).Status);
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Statistics_count_by_status_year_and_task_without_names()
    {
        var harness = new SqliteHarness();
        await harness.InitializeAsync();
        try
        {
            var inquiries = harness.Services.GetRequiredService<IInquiryStore>();
            var a = (await harness.Tasks.CreateAsync(TestRecords.Valid() with { Visibility = Visibility.Published }, Curator)).Task!;
            var b = (await harness.Tasks.CreateAsync(TestRecords.Valid() with
            {
                Visibility = Visibility.Published,
                PrincipalInvestigator = TestRecords.Valid().PrincipalInvestigator! with { Email = null },
            }, Curator)).Task!;
            var first = (await inquiries.SubmitAsync(a.Id, Input(), new InquiryContext(null))).Id!;
            await inquiries.SubmitAsync(a.Id, Input(), new InquiryContext(null));
            harness.Clock.Advance(TimeSpan.FromDays(366));
            await inquiries.SubmitAsync(b.Id, Input(), new InquiryContext(null));
            await inquiries.SetStatusAsync(first, InquiryStatus.Answered, null, Curator);

            var s = await inquiries.StatisticsAsync();
            Assert.Equal(3, s.Total);
            Assert.Equal(2, s.Relayed);
            Assert.Equal(2, s.TasksWithInquiries);
            Assert.Equal(1, s.ByStatus["relayed"]);
            Assert.Equal(1, s.ByStatus["answered"]);
            Assert.Equal(1, s.ByStatus["awaitingContact"]);
            Assert.Equal(0, s.ByStatus["closed"]);
            Assert.Equal([new InquiryYearCount(2026, 2, 2), new InquiryYearCount(2027, 1, 0)], s.ByYear);
        }
        finally
        {
            await harness.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("not an address", 365, false)]
    [InlineData("Sở <sokhcn@phutho.gov.vn>", 365, false)]
    [InlineData("sokhcn@phutho.gov.vn", 0, false)]
    [InlineData("sokhcn@phutho.gov.vn", 365, true)]
    [InlineData(null, 30, true)]
    public void Options_are_checked_at_start(string? fallback, int days, bool valid)
    {
        var result = new InquiryOptionsValidator().Validate(null, new InquiryOptions { FallbackAddress = fallback, PersonalDataRetentionDays = days });
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("Registry:Inquiries:", result.FailureMessage);
    }
}
