using System.Text.Json;
using Registry.Data.Entities;
using Registry.Data.Records;
using Registry.Data.Validation;

namespace Registry.Data.Store;

/// <summary>Explicit mapping between the record contract and the row layout. Text is stored clean, trimmed, NFC, empty as null.</summary>
internal static class TaskMapper
{
    public static TaskRecord ToRecord(ScienceTask t) => new()
    {
        Id = t.PublicId,
        Code = t.Code,
        Title = t.Title,
        TitleEn = t.TitleEn,
        Kind = t.Kind,
        Level = t.Level,
        Fields = t.Fields.OrderBy(f => f.Ordinal).Select(f => f.FieldCode).ToList(),
        Keywords = JsonSerializer.Deserialize<List<string>>(t.KeywordsJson) ?? [],
        Status = t.Status,
        ManagingAgency = t.ManagingAgency,
        Funder = t.Funder is { } f && (f.Name ?? f.Identifier) is not null ? new FunderRecord { Name = f.Name, Identifier = f.Identifier } : null,
        HostOrganization = ToRef(t.HostOrganization),
        PrincipalInvestigator = t.Investigators.Where(i => i.IsPrincipal).Select(ToPerson).FirstOrDefault(),
        Members = t.Investigators.Where(i => !i.IsPrincipal).OrderBy(i => i.Ordinal).Select(ToPerson).ToList(),
        StartDate = t.StartDate,
        EndDate = t.EndDate,
        ApprovalDecision = t.ApprovalDecision is { } a && (a.Number ?? (object?)a.Date) is not null
            ? new ApprovalDecisionRecord { Number = a.Number, Date = a.Date } : null,
        Budget = t.Budget is { } b && (b.TotalVnd ?? b.StateBudgetVnd) is not null
            ? new BudgetRecord { TotalVnd = b.TotalVnd, StateBudgetVnd = b.StateBudgetVnd } : null,
        Summary = t.Summary,
        PlainSummary = t.PlainSummary,
        Objectives = t.Objectives,
        Methods = t.Methods,
        ExpectedResults = t.ExpectedResults,
        Acceptance = t.Acceptance is { } acc && (acc.Date ?? (object?)acc.Rating) is not null
            ? new AcceptanceRecord { Date = acc.Date, Rating = acc.Rating } : null,
        ResultRegistration = t.ResultRegistration is { } rr && (rr.CertificateNumber ?? (object?)rr.Date) is not null
            ? new ResultRegistrationRecord { CertificateNumber = rr.CertificateNumber, Date = rr.Date } : null,
        Results = t.Results,
        ApplicationPotential = t.ApplicationPotential,
        Outputs = t.Outputs.OrderBy(o => o.Ordinal).Select(ToOutput).ToList(),
        Coverage = t.Coverage.OrderBy(c => c.Ordinal).Select(ToCoverage).ToList(),
        Visibility = t.Visibility,
        CreatedAt = t.CreatedAt,
        UpdatedAt = t.UpdatedAt,
        PublishedAt = t.PublishedAt,
    };

    public static OrganizationRef ToRef(HostOrganization o) =>
        new() { Id = o.PublicId, Name = o.Name, Type = o.Type, Province = o.Province, Commune = o.Commune, Ror = o.Ror };

    /// <summary>Writes the record's content (not id, visibility or timestamps) onto <paramref name="t"/>.</summary>
    public static void ApplyContent(ScienceTask t, TaskRecord r, HostOrganization org)
    {
        t.Code = Text(r.Code)!;
        t.Title = Text(r.Title)!;
        t.TitleEn = Text(r.TitleEn);
        t.Kind = r.Kind!.Value;
        t.Level = r.Level!.Value;
        t.Status = r.Status!.Value;
        t.KeywordsJson = JsonSerializer.Serialize(
            (r.Keywords ?? []).Select(Text).OfType<string>().ToList(), RegistryJson.Options);
        t.ManagingAgency = Text(r.ManagingAgency);
        t.Funder = r.Funder is { } f && (Text(f.Name) ?? Text(f.Identifier)) is not null
            ? new Funder { Name = Text(f.Name), Identifier = Id(f.Identifier, Identifiers.Funder) } : null;
        t.HostOrganization = org;
        t.StartDate = r.StartDate;
        t.EndDate = r.EndDate;
        t.ApprovalDecision = r.ApprovalDecision is { } a && (Text(a.Number) ?? (object?)a.Date) is not null
            ? new ApprovalDecision { Number = Text(a.Number), Date = a.Date } : null;
        t.Budget = r.Budget is { } b && (b.TotalVnd ?? b.StateBudgetVnd) is not null
            ? new Budget { TotalVnd = b.TotalVnd, StateBudgetVnd = b.StateBudgetVnd } : null;
        t.Summary = Text(r.Summary);
        t.PlainSummary = Text(r.PlainSummary);
        t.Objectives = Text(r.Objectives);
        t.Methods = Text(r.Methods);
        t.ExpectedResults = Text(r.ExpectedResults);
        t.Acceptance = r.Acceptance is { } acc && (acc.Date ?? (object?)acc.Rating) is not null
            ? new Acceptance { Date = acc.Date, Rating = acc.Rating } : null;
        t.ResultRegistration = r.ResultRegistration is { } rr && (Text(rr.CertificateNumber) ?? (object?)rr.Date) is not null
            ? new ResultRegistration { CertificateNumber = Text(rr.CertificateNumber), Date = rr.Date } : null;
        t.Results = Text(r.Results);
        t.ApplicationPotential = Text(r.ApplicationPotential);
        ApplyFields(t, r.Fields ?? []);
        ApplyInvestigators(t, r);
        t.Outputs.Clear();
        t.Outputs.AddRange((r.Outputs ?? []).Select((o, i) => ToOutputRow(o, i)));
        t.Coverage.Clear();
        t.Coverage.AddRange((r.Coverage ?? []).Select((c, i) => ToCoverageRow(c, i)));
    }

    /// <summary>Trimmed, clean NFC text, or null when empty: the form every stored text takes (<see cref="TextHygiene"/>).</summary>
    public static string? Text(string? value) => TextHygiene.Stored(value);

    /// <summary>
    /// The canonical form of a validated identifier. The validator has refused any text that does not parse, so the
    /// text itself is kept only by writers that skip validation (none at present).
    /// </summary>
    public static string? Id(string? value, Func<string, ParsedIdentifier> parse) =>
        Text(value) is { } text ? parse(text).Value ?? text : null;

    /// <summary>Keeps rows whose code stays (the key is task + code), so an update never deletes and re-adds a key.</summary>
    private static void ApplyFields(ScienceTask t, IReadOnlyList<string> codes)
    {
        var wanted = codes.Select(c => c.Trim()).ToList();
        t.Fields.RemoveAll(f => !wanted.Contains(f.FieldCode));
        for (var i = 0; i < wanted.Count; i++)
        {
            var row = t.Fields.FirstOrDefault(f => f.FieldCode == wanted[i]);
            if (row is null) t.Fields.Add(new TaskField { TaskId = t.Id, FieldCode = wanted[i], Ordinal = i });
            else row.Ordinal = i;
        }
    }

    private static void ApplyInvestigators(ScienceTask t, TaskRecord r)
    {
        t.Investigators.Clear();
        if (r.PrincipalInvestigator is { } p) t.Investigators.Add(ToInvestigator(p, true, 0));
        t.Investigators.AddRange((r.Members ?? []).Select((m, i) => ToInvestigator(m, false, i + 1)));
    }

    private static Investigator ToInvestigator(PersonRecord p, bool principal, int ordinal) => new()
    {
        IsPrincipal = principal,
        Ordinal = ordinal,
        Name = Text(p.Name),
        AcademicTitle = Text(p.AcademicTitle),
        Role = Text(p.Role),
        Orcid = Id(p.Orcid, Identifiers.Orcid),
        Email = Text(p.Email),
        Phone = Text(p.Phone),
    };

    private static PersonRecord ToPerson(Investigator i) => new()
    {
        Name = i.Name, AcademicTitle = i.AcademicTitle, Role = i.Role, Orcid = i.Orcid, Email = i.Email, Phone = i.Phone,
    };

    private static TaskOutput ToOutputRow(OutputRecord o, int ordinal) => new()
    {
        Ordinal = ordinal,
        Type = o.Type,
        Title = Text(o.Title)!,
        Description = Text(o.Description),
        Identifier = o.IdentifierType is { } type ? Id(o.Identifier, text => Identifiers.Output(type, text)) : Text(o.Identifier),
        IdentifierType = o.IdentifierType,
        Url = Text(o.Url),
        Transferable = o.Transferable,
    };

    private static OutputRecord ToOutput(TaskOutput o) => new()
    {
        Type = o.Type, Title = o.Title, Description = o.Description, Identifier = o.Identifier, IdentifierType = o.IdentifierType, Url = o.Url,
        Transferable = o.Transferable,
    };

    private static TaskCoverage ToCoverageRow(CoverageRecord c, int ordinal) => new()
    {
        Ordinal = ordinal,
        Url = Text(c.Url)!,
        Outlet = Text(c.Outlet),
        Kind = c.Kind!.Value,
        Date = c.Date!.Value,
        Title = Text(c.Title),
    };

    private static CoverageRecord ToCoverage(TaskCoverage c) => new()
    {
        Url = c.Url, Outlet = c.Outlet, Kind = c.Kind, Date = c.Date, Title = c.Title,
    };
}
