using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;

namespace Registry.Api.Web.Pages;

/// <summary>The parts of a task page: facts, investigators, the texts Circular 14/2014 asks for, outputs.</summary>
public static class TaskSections
{
    public static Markup Facts(PageContext ctx, TaskRecord task)
    {
        var rows = new List<Markup>();
        void Add(UiString label, Markup value) => rows.Add(Html.Of($"<dt>{ctx[label]}</dt><dd>{value}</dd>"));
        void AddText(UiString label, string? value) { if (!string.IsNullOrWhiteSpace(value)) Add(label, Html.Of($"{value}")); }

        AddText(T.Code, task.Code);
        if (task.Kind is { } kind) AddText(T.FacetKind, ctx[EnumText.Of(kind)]);
        if (task.Level is { } level) Add(T.FacetLevel, Link($"/tasks?level={EnumLabels.Key(level)}", ctx[EnumText.Of(level)]));
        if (task.Status is { } status) Add(T.FacetStatus, Link($"/tasks?status={EnumLabels.Key(status)}", ctx[EnumText.Of(status)]));
        if (task.Fields is { Count: > 0 } fields)
            Add(T.FacetField, Html.Join(fields.Select((f, i) => Html.Of($"{(i > 0 ? "; " : "")}{Link($"/tasks?field={Uri.EscapeDataString(f)}", T.FieldName(f, ctx.Language))} <span class=\"count\">({f})</span>"))));
        if (task.Keywords is { Count: > 0 } keywords)
            Add(T.Keywords, Html.Join(keywords.Select((k, i) => Html.Of($"{(i > 0 ? ", " : "")}{Link($"/tasks?q={Uri.EscapeDataString(k)}", k)}"))));
        AddText(T.ManagingAgency, task.ManagingAgency);
        if (task.HostOrganization is { Name: { } orgName } org)
            Add(T.FacetOrganization, Html.Join([org.Id is null ? Html.Of($"{orgName}") : Link(Fragments.OrganizationUrl(org.Id), orgName), Badge("ROR", org.Ror)]));
        if (task.Funder is { } funder && (funder.Name ?? funder.Identifier) is { } funderName)
            Add(T.Funder, Html.Join([Html.Of($"{funderName}"), Badge(funder.Identifier is { } funderId && !Identifiers.IsRor(funderId) ? "Crossref Funder ID" : "ROR", funder.Identifier)]));
        AddText(T.Period, Fragments.Period(ctx, task));
        if (task.ApprovalDecision is { } decision)
            AddText(T.ApprovalDecision, string.Join(", ", new[] { decision.Number, decision.Date is { } d ? ctx.Format.Date(d) : null }.Where(s => s is not null)));
        if (task.Budget?.TotalVnd is { } total) AddText(T.BudgetTotal, ctx.Format.Vnd(total));
        if (task.Budget?.StateBudgetVnd is { } state) AddText(T.BudgetState, ctx.Format.Vnd(state));
        if (task.Acceptance is { } acceptance)
            AddText(T.Acceptance, string.Join(", ", new[] { acceptance.Date is { } d ? ctx.Format.Date(d) : null, acceptance.Rating is { } r ? ctx[EnumText.Of(r)] : null }.Where(s => s is not null)));
        if (task.ResultRegistration is { } registration)
            AddText(T.ResultRegistration, string.Join(", ", new[] { registration.CertificateNumber, registration.Date is { } d ? ctx.Format.Date(d) : null }.Where(s => s is not null)));
        if (task.PublishedAt is { } published) AddText(T.Published, ctx.Format.Date(published));
        if (task.UpdatedAt is { } updated) AddText(T.Updated, ctx.Format.Date(updated));
        Add(T.ApiJson, Link($"/api/v1/tasks/{Uri.EscapeDataString(task.Id!)}", $"/api/v1/tasks/{task.Id}"));
        return Html.Of($"""<dl class="facts">{rows}</dl>""");
    }

    /// <summary>Names, academic titles and roles only: contacts never reach a public page (invariant 3).</summary>
    public static Markup People(PageContext ctx, TaskRecord task)
    {
        var people = new List<(PersonRecord Person, UiString DefaultRole)>();
        if (task.PrincipalInvestigator is { } pi) people.Add((pi, T.PrincipalInvestigator));
        people.AddRange((task.Members ?? []).Select(m => (m, T.Member)));
        if (people.Count == 0) return Markup.Empty;
        var items = people.Select(p => Html.Of($"""
            <li lang="vi">{(string.IsNullOrWhiteSpace(p.Person.AcademicTitle) ? "" : p.Person.AcademicTitle + " ")}{p.Person.Name}{Badge("ORCID", p.Person.Orcid)} <span class="count">— {(string.IsNullOrWhiteSpace(p.Person.Role) ? ctx[p.DefaultRole] : p.Person.Role)}</span></li>
            """));
        return Html.Of($"""
            <section aria-labelledby="people-h">
            <h2 id="people-h">{ctx[T.Investigators]}</h2>
            <ul class="plain">{items}</ul>
            </section>
            """);
    }

    /// <summary>Tóm tắt phổ thông: the lead of the page, before the facts and the scientific texts; nothing when absent.</summary>
    public static Markup PlainSummary(PageContext ctx, TaskRecord task)
    {
        if (string.IsNullOrWhiteSpace(task.PlainSummary)) return Markup.Empty;
        return Html.Of($"""
            <section class="plain-summary" aria-labelledby="plain-h">
            <h2 id="plain-h">{ctx[T.PlainSummary]}</h2>
            <p class="prose" lang="vi">{task.PlainSummary}</p>
            </section>
            """);
    }

    public static Markup Texts(PageContext ctx, TaskRecord task)
    {
        (UiString Label, string? Text)[] texts =
        [
            (T.Summary, task.Summary), (T.Objectives, task.Objectives), (T.Methods, task.Methods), (T.ExpectedResults, task.ExpectedResults),
            (T.Results, task.Results), (T.ApplicationPotential, task.ApplicationPotential),
        ];
        var present = texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        if (present.Count == 0) return Markup.Empty;
        var parts = present.Select(t => Html.Of($"""<h3>{ctx[t.Label]}</h3><p class="prose" lang="vi">{t.Text}</p>"""));
        return Html.Of($"""
            <section aria-labelledby="content-h">
            <h2 id="content-h">{ctx[T.Content]}</h2>
            {parts}
            </section>
            """);
    }

    public static Markup Outputs(PageContext ctx, TaskRecord task)
    {
        if (task.Outputs is not { Count: > 0 } outputs) return Markup.Empty;
        var items = outputs.Select(o =>
        {
            var type = o.Type is { } t ? ctx[EnumText.Of(t)] : null;
            var badge = Html.When(o.Transferable == true, Html.Of($""" <span class="badge">{ctx[T.Transferable]}</span>"""));
            var title = SafeUrl(o.Url) is { } url ? Link(url, o.Title ?? url) : Html.Of($"{o.Title}");
            var scheme = o.IdentifierType is { } it and not OutputIdentifierType.Other ? ctx[EnumText.Of(it)] : ctx[T.Identifier];
            var resolvable = SafeUrl(Identifiers.OutputUri(o.IdentifierType, o.Identifier));
            var id = string.IsNullOrWhiteSpace(o.Identifier) ? Markup.Empty
                : resolvable is null ? Html.Of($"""<br><span class="count">{scheme}: {o.Identifier}</span>""")
                : Html.Of($"""<br><span class="count">{scheme}: <a href="{resolvable}" rel="noopener">{o.Identifier}</a></span>""");
            var description = string.IsNullOrWhiteSpace(o.Description) ? Markup.Empty : Html.Of($"""<br><span lang="vi">{o.Description}</span>""");
            return Html.Of($"""<li><strong lang="vi">{title}</strong>{badge}<br><span class="count">{type}</span>{id}{description}</li>""");
        });
        return Html.Of($"""
            <section aria-labelledby="outputs-h">
            <h2 id="outputs-h">{ctx[T.Outputs]}</h2>
            <ul class="plain outputs">{items}</ul>
            </section>
            """);
    }

    private static readonly UiString CiteHeading = new("Trích dẫn (cite)", "Cite");
    private static readonly UiString CiteHint = new("Tải về để nhập vào Zotero, EndNote, Mendeley hoặc LaTeX.", "Download for Zotero, EndNote, Mendeley or LaTeX.");

    /// <summary>Download links of the task's citation (RIS, BibTeX, CSL-JSON), served by the API's citation routes.</summary>
    public static Markup Cite(PageContext ctx, TaskRecord task)
    {
        if (string.IsNullOrEmpty(task.Id)) return Markup.Empty;
        var api = $"/api/v1/tasks/{Uri.EscapeDataString(task.Id)}/citation";
        var links = Registry.Api.Citations.CitationFormat.All.Select(f => Html.Of(
            $"""<li><a href="{api}.{f.Extension}" type="{f.MediaType}" download>{Label(f)}</a></li>"""));
        return Html.Of($"""
            <section aria-labelledby="cite-h">
            <h2 id="cite-h">{ctx[CiteHeading]}</h2>
            <p class="count">{ctx[CiteHint]}</p>
            <ul class="plain cite">{links}</ul>
            </section>
            """);
        static string Label(Registry.Api.Citations.CitationFormat f) => f.Name switch { "ris" => "RIS", "bibtex" => "BibTeX", _ => "CSL-JSON" };
    }

    private static Markup Link(string href, string text) => Html.Of($"""<a href="{href}">{text}</a>""");

    /// <summary>A persistent identifier after a name, as a small link to its resolver (ROR, ORCID, Crossref); nothing when absent.</summary>
    private static Markup Badge(string scheme, string? uri) =>
        SafeUrl(uri) is { } href ? Html.Of($""" <a class="pid" href="{href}" rel="noopener" title="{scheme}: {href}">{scheme}</a>""") : Markup.Empty;

    /// <summary>Only http(s) addresses become links; anything else (javascript:, data:) stays text.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;
}
