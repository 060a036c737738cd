using System.Text.Json;
using Registry.Data.Records;
using Registry.Search.Analysis;

namespace Registry.Search.Model;

/// <summary>
/// What both engines index for one published task, computed once from the public record. Text is already
/// normalised (NFC, one tone placement) with case kept, so an engine only has to lowercase and fold
/// (Elasticsearch: <c>lowercase</c> + <c>asciifolding</c>; see <see cref="VietnameseText"/>).
/// </summary>
public sealed record SearchDocument
{
    public required string Id { get; init; }
    public required string Code { get; init; }
    /// <summary>The code folded and stripped to letters and digits, for an exact code match.</summary>
    public required string CodeKey { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    public required string Summary { get; init; }
    /// <summary>Tóm tắt phổ thông; empty when the task has none.</summary>
    public string PlainSummary { get; init; } = "";
    /// <summary>Every other public text (see <see cref="SearchFields.Body"/>), one entry per source value.</summary>
    public required IReadOnlyList<string> Body { get; init; }
    public string? OrganizationId { get; init; }
    public string? OrganizationName { get; init; }
    /// <summary>Where the task is carried out: the host's province and commune (searchable as text).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
    /// <summary>Field codes with all their prefixes (see <see cref="SearchFields.FieldPrefix"/>).</summary>
    public required IReadOnlyList<string> FieldPrefixes { get; init; }
    public required IReadOnlyList<string> FieldsLevel1 { get; init; }
    public required IReadOnlyList<string> Sectors { get; init; }
    public string? Level { get; init; }
    public string? Kind { get; init; }
    public string? Status { get; init; }
    public int? StartYear { get; init; }
    public int? StartDay { get; init; }
    public int? EndDay { get; init; }
    public long? BudgetTotal { get; init; }
    public bool Transferable { get; init; }
    public long UpdatedAtMs { get; init; }
    /// <summary>Compact JSON (<see cref="RegistryJson.Options"/>) of the public record.</summary>
    public required string SourceJson { get; init; }

    /// <summary>Builds the document of a published, public record (the catalogue has already stripped contacts).</summary>
    public static SearchDocument From(TaskRecord record)
    {
        var id = record.Id;
        ArgumentException.ThrowIfNullOrEmpty(id);
        record = Public(record);
        var fields = (record.Fields ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList();
        var org = record.HostOrganization;
        return new SearchDocument
        {
            Id = id,
            Code = record.Code ?? "",
            CodeKey = VietnameseText.CodeKey(record.Code ?? ""),
            Title = Norm(record.Title),
            Keywords = (record.Keywords ?? []).Select(Norm).Where(k => k.Length > 0).ToList(),
            Summary = Norm(record.Summary),
            PlainSummary = Norm(record.PlainSummary),
            Body = BodyTexts(record).Select(Norm).Where(t => t.Length > 0).ToList(),
            OrganizationId = org?.Id,
            OrganizationName = org?.Name is null ? null : Norm(org.Name),
            Places = new[] { org?.Province, org?.Commune }.Select(Norm).Where(p => p.Length > 0).Distinct().ToList(),
            FieldPrefixes = fields.SelectMany(Prefixes).Distinct().ToList(),
            FieldsLevel1 = fields.Select(f => f[..1]).Distinct().ToList(),
            Sectors = fields.Where(f => f.Length >= 3).Select(f => f[..3]).Distinct().ToList(),
            Level = record.Level is { } l ? EnumLabels.Key(l) : null,
            Kind = record.Kind is { } k ? EnumLabels.Key(k) : null,
            Status = record.Status is { } s ? EnumLabels.Key(s) : null,
            StartYear = record.StartDate?.Year,
            StartDay = record.StartDate?.DayNumber,
            EndDay = record.EndDate?.DayNumber,
            BudgetTotal = record.Budget?.TotalVnd,
            Transferable = record.Outputs?.Any(o => o.Transferable == true) ?? false,
            UpdatedAtMs = (record.UpdatedAt ?? record.PublishedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds(),
            SourceJson = JsonSerializer.Serialize(record, RegistryJson.Options),
        };
    }

    /// <summary>The organisation facet value ("id\u001Fname"), or null without a host organisation id.</summary>
    public string? OrganizationFacet => OrganizationId is null ? null : OrganizationFacetKey.Join(OrganizationId, OrganizationName);

    public TaskRecord ToRecord() => JsonSerializer.Deserialize<TaskRecord>(SourceJson, RegistryJson.Options)!;

    /// <summary>
    /// Defence in depth for invariant 3: contacts never reach an index even if a caller forgot to strip them,
    /// and the input-only classification is not stored.
    /// </summary>
    private static TaskRecord Public(TaskRecord r) => r with
    {
        SecurityClassification = null,
        PrincipalInvestigator = r.PrincipalInvestigator is { } pi ? pi with { Email = null, Phone = null } : null,
        Members = r.Members?.Select(m => m with { Email = null, Phone = null }).ToList(),
    };

    private static string Norm(string? text) => VietnameseText.Normalize(text ?? "");

    private static IEnumerable<string> Prefixes(string code)
    {
        foreach (var length in new[] { 1, 3, 5, 7 })
            if (code.Length >= length) yield return code[..length];
    }

    private static IEnumerable<string?> BodyTexts(TaskRecord r)
    {
        yield return r.TitleEn;
        yield return r.Code;
        yield return r.Objectives;
        yield return r.Methods;
        yield return r.ExpectedResults;
        yield return r.Results;
        yield return r.ApplicationPotential;
        yield return r.ManagingAgency;
        yield return r.PrincipalInvestigator?.Name;
        foreach (var m in r.Members ?? []) yield return m.Name;
        foreach (var o in r.Outputs ?? [])
        {
            yield return o.Title;
            yield return o.Description;
            yield return o.Identifier;
        }
    }
}
