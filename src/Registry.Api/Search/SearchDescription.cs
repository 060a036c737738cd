using System.Globalization;
using Registry.Api.Web.Localization;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Search.Model;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.Search;

/// <summary>
/// A search as a reader would say it, for the titles of feeds and embeds: <c>“chè” · Lĩnh vực: Trồng trọt ·
/// Năm bắt đầu 2020–2024</c>, never the query string (<c>field=401&amp;yearFrom=2020</c>). Every declared filter
/// has its wording here; a test walks <see cref="SearchFilters.All"/> so a new filter cannot ship without one.
/// </summary>
public static class SearchDescription
{
    public const string Separator = " · ";

    /// <summary>
    /// The text of <paramref name="request"/>'s query and filters in <paramref name="language"/>; empty for a
    /// search of everything. <paramref name="organizationName"/> names an organization id (null: shown as the id).
    /// </summary>
    public static string Of(SearchRequest request, WebLanguage language, Func<string, string?>? organizationName = null)
    {
        var parts = new List<string>();
        if (request.Query is { Length: > 0 } q) parts.Add($"“{q}”");
        var applied = request.Filters.Applied;
        var yearFrom = Number(applied, SearchFilters.YearFrom);
        var yearTo = Number(applied, SearchFilters.YearTo);
        var budgetMin = Number(applied, SearchFilters.BudgetMin);
        var budgetMax = Number(applied, SearchFilters.BudgetMax);
        foreach (var a in applied)
        {
            var text = a.Filter.Name switch
            {
                "field" => Labelled(RecordFields.Fields, Alternatives(a, v => T.FieldName(v, language), language), language),
                "level" => Labelled(RecordFields.Level, Alternatives(a, v => EnumName<TaskLevel>(v, language), language), language),
                "kind" => Labelled(RecordFields.Kind, Alternatives(a, v => EnumName<TaskKind>(v, language), language), language),
                "status" => Labelled(RecordFields.Status, Alternatives(a, v => EnumName<TaskStatus>(v, language), language), language),
                "organization" => Labelled(RecordFields.HostOrganization, Alternatives(a, id => organizationName?.Invoke(id) ?? id, language), language),
                "transferable" => a.Values[0].Term == SearchFilters.FlagTerm(true)
                    ? Say(language, "Có kết quả chuyển giao được", "With transferable results")
                    : Say(language, "Không có kết quả chuyển giao được", "Without transferable results"),
                "updatedSince" => Say(language, "Cập nhật từ ", "Updated since ") + Date(a.Values[0].Number!.Value, language),
                // A range is said once, from its first end.
                "yearFrom" => Range(language, "Năm bắt đầu", "Start year", yearFrom, yearTo, y => y.ToString(CultureInfo.InvariantCulture)),
                "yearTo" => yearFrom is null ? Range(language, "Năm bắt đầu", "Start year", null, yearTo, y => y.ToString(CultureInfo.InvariantCulture)) : null,
                "budgetMin" => Range(language, "Tổng kinh phí", "Total budget", budgetMin, budgetMax, v => Money(v, language)),
                "budgetMax" => budgetMin is null ? Range(language, "Tổng kinh phí", "Total budget", null, budgetMax, v => Money(v, language)) : null,
                _ => throw new ArgumentOutOfRangeException(nameof(request), a.Filter.Name, "A declared filter without a description for readers."),
            };
            if (text is not null) parts.Add(text);
        }
        return string.Join(Separator, parts);
    }

    /// <summary>
    /// Names of the organizations a request filters by: from the hits when they host one, else from the directory
    /// (at most a handful of lookups; an id nobody publishes under stays an id).
    /// </summary>
    public static async Task<Func<string, string?>> OrganizationNamesAsync(SearchRequest request, IEnumerable<TaskRecord> hits,
        IOrganizationDirectory? directory, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = request.Filters.Applied.Where(a => a.Filter == SearchFilters.Organization)
            .SelectMany(a => a.Values).Select(v => v.Term!).Distinct().Take(5).ToList();
        if (wanted.Count == 0) return _ => null;
        foreach (var org in hits.Select(h => h.HostOrganization).OfType<OrganizationRef>())
            if (org.Id is { } id && org.Name is { } name && wanted.Contains(id)) names.TryAdd(id, name);
        if (directory is not null)
            foreach (var id in wanted.Where(w => !names.ContainsKey(w)))
                if (await directory.FindAsync(id, ct) is { } found) names[id] = found.Name;
        return id => names.GetValueOrDefault(id);
    }

    private static string Say(WebLanguage language, string vi, string en) => language == WebLanguage.En ? en : vi;

    private static string Labelled(RecordField field, string values, WebLanguage language) =>
        (language == WebLanguage.En ? field.Label.En : field.Label.Vi) + ": " + values;

    private static string Alternatives(AppliedFilter a, Func<string, string> name, WebLanguage language) =>
        string.Join(Say(language, " hoặc ", " or "), a.Values.Select(v => name(v.Term!)));

    private static string EnumName<TEnum>(string key, WebLanguage language) where TEnum : struct, Enum =>
        EnumText.OfKey<TEnum>(key)?.In(language) ?? key;

    private static long? Number(IReadOnlyList<AppliedFilter> applied, SearchFilter filter) =>
        applied.FirstOrDefault(a => a.Filter == filter)?.Values[0].Number;

    private static string Range(WebLanguage language, string vi, string en, long? from, long? to, Func<long, string> show)
    {
        var label = Say(language, vi, en);
        return (from, to) switch
        {
            ({ } f, { } t) when f == t => $"{label} {show(f)}",
            ({ } f, { } t) => $"{label} {show(f)}–{show(t)}",
            ({ } f, null) => $"{label} {Say(language, "từ", "from")} {show(f)}",
            (null, { } t) => $"{label} {Say(language, "đến", "up to")} {show(t)}",
            _ => label,
        };
    }

    private static string Money(long vnd, WebLanguage language) => language == WebLanguage.En
        ? "VND " + vnd.ToString("N0", CultureInfo.InvariantCulture)
        : vnd.ToString("N0", Vi) + " đồng";

    private static string Date(long epochMilliseconds, WebLanguage language)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds).ToOffset(VietnamTime);
        return at.ToString(language == WebLanguage.En ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    private static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
}
