using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.GraphQL;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>
/// Tóm tắt phổ thông through the real host: refused with a 400 naming the field when it reads like jargon; stored,
/// returned by REST and GraphQL; first in every feed, in the embeds and in the JSON-LD description.
/// </summary>
[Collection(FeedsCollection.Name)]
public sealed class PlainSummarySurfaceTests(FeedsFactory factory)
{
    private const string Plain =
        "Nhiệm vụ giúp nông dân Thanh Sơn tự nhân giống chè bằng cách giâm cành. " +
        "Cây giống rẻ hơn & khỏe hơn cây mua ở chợ. Đồi chè già sẽ được trồng lại, cho nhiều búp hơn.";

    private const string Summary = "Nghiên cứu hoàn thiện quy trình giâm hom chè Shan tuyết; đánh giá tỷ lệ ra rễ, sinh trưởng và năng suất búp.";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>A published task with a plain summary and a title word no other task has.</summary>
    private async Task<(string Id, string Word)> PublishedAsync()
    {
        var word = "Xuânđài" + Guid.NewGuid().ToString("N")[..6];
        var record = new TaskRecordBuilder().With(r => r with { Title = $"Nhân giống chè bằng giâm cành tại {word}", Summary = Summary, PlainSummary = Plain }).Build();
        var id = await factory.PublishAsync(await factory.CreateAsync(record));
        await factory.WaitForIndexAsync();
        return (id, word);
    }

    [Fact]
    public async Task A_jargon_plain_summary_is_refused_with_a_400_naming_the_field_and_nothing_is_stored()
    {
        var record = new TaskRecordBuilder().With(r => r with
        {
            PlainSummary = "Ứng dụng IoT, AI, GIS và HPLC trong quản lý CĐS ngành NN&PTNT theo tiêu chuẩn VietGAP với H2SO4, CO2 và NaOH 0,1N.",
        }).Build();
        var response = await (await factory.CuratorAsync()).PostRecordAsync("/api/v1/tasks", record);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        var messages = problem.GetProperty("errors").GetProperty("plainSummary").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("chữ viết tắt chưa giải thích") && m.Contains("(at most 2 unexplained abbreviations"));
        Assert.Contains(messages, m => m.Contains("formulas or codes"));
        Assert.DoesNotContain(problem.GetRawText(), "StackTrace");
    }

    [Fact]
    public async Task Rest_and_graphql_return_the_plain_summary()
    {
        var (id, _) = await PublishedAsync();
        var rest = await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}")).ReadJsonAsync();
        Assert.Equal(Plain, rest.GetProperty("plainSummary").GetString());

        var (status, _, json) = await GraphQLApiFactory.PostAsync(factory.Anonymous(), "query($id: ID!) { task(id: $id) { summary plainSummary } }", new { id });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Plain, json.GetProperty("data").GetProperty("task").GetProperty("plainSummary").GetString());
    }

    [Fact]
    public async Task Every_feed_puts_the_plain_summary_first_then_the_scientific_summary()
    {
        var (id, word) = await PublishedAsync();
        var q = Uri.EscapeDataString(word);

        var atom = XDocument.Parse(await factory.Anonymous().GetStringAsync($"/feeds/tasks.atom?q={q}")).Root!;
        var entry = Assert.Single(atom.Elements(Atom + "entry"));
        Assert.Equal(Plain, entry.Element(Atom + "summary")!.Value);
        var content = entry.Element(Atom + "content")!;
        Assert.Equal("text", content.Attribute("type")!.Value);
        Assert.StartsWith(Plain, content.Value);
        Assert.True(content.Value.IndexOf(Summary, StringComparison.Ordinal) > Plain.Length);

        var rss = XDocument.Parse(await factory.Anonymous().GetStringAsync($"/feeds/tasks.rss?q={q}")).Root!;
        var description = Assert.Single(rss.Element("channel")!.Elements("item")).Element("description")!.Value;
        Assert.StartsWith(Plain, description);
        Assert.True(description.IndexOf(Summary, StringComparison.Ordinal) > Plain.Length);

        using var feed = JsonDocument.Parse(await factory.Anonymous().GetStringAsync($"/feeds/tasks.json?q={q}"));
        var item = Assert.Single(feed.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(Plain, item.GetProperty("summary").GetString());
        Assert.StartsWith(Plain, item.GetProperty("content_text").GetString());

        // The seeded tasks have none: they keep their old shape, no JSON Feed summary.
        var seeded = (await factory.SeedAsync()).Published.ToHashSet();
        using var all = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/feeds/tasks.json"));
        var plainless = all.RootElement.GetProperty("items").EnumerateArray().Where(i => seeded.Contains(i.GetProperty("url").GetString()!.Split('/')[^1])).ToList();
        Assert.NotEmpty(plainless);
        Assert.All(plainless, i => Assert.False(i.TryGetProperty("summary", out _)));
    }

    [Fact]
    public async Task Embeds_and_json_ld_carry_the_plain_summary_encoded()
    {
        var (id, word) = await PublishedAsync();
        var single = await factory.Anonymous().GetStringAsync($"/embed/tasks/{id}");
        Assert.Contains("<p class=\"plain\">", single);
        Assert.Contains("Cây giống rẻ hơn &amp; khỏe hơn cây mua ở chợ.", single);
        Assert.True(single.IndexOf("class=\"plain\"", StringComparison.Ordinal) < single.IndexOf("giâm hom", StringComparison.Ordinal));

        var list = await factory.Anonymous().GetStringAsync($"/embed/tasks?q={Uri.EscapeDataString(word)}");
        Assert.Contains("Nhiệm vụ giúp nông dân Thanh Sơn tự nhân giống chè bằng cách giâm cành.", list);

        using var widget = JsonDocument.Parse(await factory.Anonymous().GetStringAsync($"/embed/tasks.json?q={Uri.EscapeDataString(word)}"));
        Assert.Equal(Plain, Assert.Single(widget.RootElement.GetProperty("items").EnumerateArray()).GetProperty("plainSummary").GetString());

        using var jsonLd = JsonDocument.Parse(await factory.Anonymous().GetStringAsync($"/api/v1/tasks/{id}.jsonld"));
        Assert.Equal(Plain, jsonLd.RootElement.GetProperty("description").GetString());
        Assert.False(jsonLd.RootElement.TryGetProperty("abstract", out _));
    }
}
