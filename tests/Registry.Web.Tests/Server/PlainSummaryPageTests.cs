using System.Net;
using System.Text.RegularExpressions;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Server;

/// <summary>Tóm tắt phổ thông on the pages: the task page's lead, its description for link previews, the result snippet.</summary>
[Collection(WebCollection.Name)]
public sealed class PlainSummaryPageTests(WebHostFixture host)
{
    [Fact]
    public async Task The_task_page_shows_the_plain_summary_first_labelled_and_encoded()
    {
        var html = await host.Http().GetStringAsync("/tasks/" + host.Ids[WebCorpus.TeaCode]);
        var lead = Regex.Match(html, """<section class="plain-summary" aria-labelledby="plain-h">\s*<h2 id="plain-h">Tóm tắt phổ thông</h2>\s*<p class="prose" lang="vi">(.*?)</p>""", RegexOptions.Singleline);
        Assert.True(lead.Success, "no labelled plain-summary lead on the task page");
        Assert.Contains("giá &lt; 5 nghìn đồng &amp; người trồng", lead.Groups[1].Value);
        Assert.DoesNotContain("< 5", lead.Groups[1].Value);
        // Before the facts and before the scientific summary.
        Assert.True(lead.Index < html.IndexOf("id=\"facts-h\"", StringComparison.Ordinal));
        Assert.True(lead.Index < html.IndexOf("Giâm cành chè Shan tuyết vùng cao Tân Sơn.", StringComparison.Ordinal));

        var english = await host.Http("en").GetStringAsync("/tasks/" + host.Ids[WebCorpus.TeaCode]);
        Assert.Contains("<h2 id=\"plain-h\">In plain words</h2>", english);
    }

    [Fact]
    public async Task Link_previews_describe_the_task_with_its_plain_summary_and_fall_back_to_the_summary()
    {
        var tea = await host.Http().GetStringAsync("/tasks/" + host.Ids[WebCorpus.TeaCode]);
        var description = Regex.Match(tea, """<meta property="og:description" content="([^"]*)">""").Groups[1].Value;
        Assert.StartsWith("Nhiệm vụ giúp nông dân Tân Sơn tự nhân giống chè Shan tuyết", WebUtility.HtmlDecode(description));
        Assert.Contains("giá < 5 nghìn đồng & người trồng", WebUtility.HtmlDecode(description));
        Assert.DoesNotContain("< 5", description);

        var rice = await host.Http().GetStringAsync("/tasks/" + host.Ids[WebCorpus.RiceCode]);
        Assert.DoesNotContain("plain-summary", rice);
        Assert.Contains("""<meta property="og:description" content="Khảo nghiệm giống lúa thuần.">""", rice);
    }

    [Fact]
    public async Task A_result_without_a_summary_highlight_shows_the_plain_summary_as_its_snippet()
    {
        // "phương pháp" is in the tea task's title only: no summary snippet, so the plain summary speaks.
        var html = await host.Http().GetStringAsync("/tasks?q=phuong+phap");
        Assert.Contains("Nhiệm vụ giúp nông dân Tân Sơn tự nhân giống chè Shan tuyết bằng cách giâm cành.", html);
    }
}
