using System.Globalization;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Inquiries;

namespace Registry.Api.Web.Pages;

/// <summary>The /stats section on technology-transfer inquiries: counts only, never a name.</summary>
public static class InquiryStats
{
    public static Markup Render(PageContext ctx, InquiryStatistics s)
    {
        var rows = Html.Join(s.ByYear.Select(y => Html.Of($"""
            <tr><th scope="row">{y.Year.ToString(CultureInfo.InvariantCulture)}</th><td class="num">{ctx.Format.Number(y.Count)}</td><td class="num">{ctx.Format.Number(y.Relayed)}</td></tr>
            """)));
        return Html.Of($"""
            <section aria-labelledby="inquiries-h">
            <h2 id="inquiries-h">{ctx[InquiryText.Stats]}</h2>
            <p>{ctx[InquiryText.StatsIntro]}</p>
            <ul class="plain figures">
            <li><strong>{ctx.Format.Number(s.Total)}</strong> {ctx[InquiryText.Total]}</li>
            <li><strong>{ctx.Format.Number(s.Relayed)}</strong> {ctx[InquiryText.Relayed]}</li>
            <li><strong>{ctx.Format.Number(s.TasksWithInquiries)}</strong> {ctx[InquiryText.TasksWithInquiries]}</li>
            </ul>
            {(s.ByYear.Count == 0 ? Markup.Empty : Html.Of($"""
            <table class="data">
            <thead><tr><th scope="col">{ctx[InquiryText.Year]}</th><th scope="col">{ctx[InquiryText.Inquiries]}</th><th scope="col">{ctx[InquiryText.Relayed]}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """))}
            <p><a href="/api/v1/stats/inquiries">JSON (API)</a></p>
            </section>
            """);
    }
}
