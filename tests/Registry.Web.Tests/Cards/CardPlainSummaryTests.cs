using System.Text;
using Registry.Api.Web.Cards;
using Registry.Web.Tests.Infrastructure;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Registry.Web.Tests.Cards;

/// <summary>The share card with a plain summary: it is drawn under the title, wrapped, cut at a word, inside the card.</summary>
public sealed class CardPlainSummaryTests
{
    private const string LongPlain =
        "Nhiệm vụ giúp nông dân Tân Sơn tự nhân giống chè Shan tuyết bằng cách giâm cành, thay cho việc mua cây giống từ nơi khác. " +
        "Mỗi cây giống chỉ tốn vài nghìn đồng và người trồng được hướng dẫn tận nơi. Đồi chè già sẽ được trồng lại bằng cây khỏe, " +
        "cho nhiều búp hơn, để chè Phú Thọ có thêm sản phẩm đặc sản bán được giá cao ở các chợ và siêu thị lớn.";

    private static TaskCardContent Content(string? plain) =>
        TaskCardContent.From(WebCorpus.Published[1] with { Title = string.Join(' ', Enumerable.Repeat(WebCorpus.TeaTitle, 3)), PlainSummary = plain });

    [Fact]
    public void The_plain_summary_follows_a_two_line_title_in_three_lines_cut_at_a_word_above_the_facts_row()
    {
        var layout = TaskCardRenderer.Layout(Content(LongPlain));
        Assert.Equal(TaskCardRenderer.TitleLinesWithPlainSummary, layout.Title.Count);
        Assert.Equal(TaskCardRenderer.PlainLines, layout.PlainSummary.Count);
        using var font = new SKFont(CardFonts.Regular, TaskCardRenderer.PlainSize);
        using var shaper = new SKShaper(CardFonts.Regular);
        Assert.All(layout.PlainSummary, l => Assert.True(TaskCardRenderer.Measure(shaper, font, l.Line) <= TaskCardRenderer.TextWidth, $"'{l.Line}' is wider than the card"));

        // Cut with "…" after a whole word: what is shown is the start of the text, and the text goes on with a space there.
        var last = layout.PlainSummary[^1].Line;
        Assert.EndsWith(TaskCardRenderer.Ellipsis, last);
        var shown = string.Join(' ', layout.PlainSummary.Select(l => l.Line))[..^1];
        Assert.StartsWith(shown, LongPlain);
        Assert.Contains(LongPlain[shown.Length], " ,.;:");

        // In order, below the title, and the organization line still ends above the facts row.
        var baselines = layout.Title.Select(l => l.Baseline).Concat(layout.PlainSummary.Select(l => l.Baseline)).Concat(layout.Organization.Select(l => l.Baseline)).ToList();
        Assert.Equal(baselines.Order(), baselines);
        Assert.Single(layout.Organization);
        Assert.True(layout.Organization[0].Baseline + TaskCardRenderer.OrganizationSize * 0.3f < TaskCardRenderer.FactsTop);
    }

    [Fact]
    public void Without_a_plain_summary_the_title_keeps_its_three_lines_and_a_short_one_is_shown_whole()
    {
        var none = TaskCardRenderer.Layout(Content(null));
        Assert.Equal(TaskCardRenderer.TitleLines, none.Title.Count);
        Assert.Empty(none.PlainSummary);

        const string shortPlain = "Nông dân tự nhân giống chè Shan tuyết bằng cách giâm cành, rẻ và dễ làm.";
        var whole = TaskCardRenderer.Layout(Content(shortPlain)).PlainSummary.Select(l => l.Line).ToList();
        Assert.InRange(whole.Count, 1, TaskCardRenderer.PlainLines);
        Assert.Equal(shortPlain, string.Join(' ', whole));
    }

    [Fact]
    public void Decomposed_input_is_composed_and_the_card_draws_more_ink_under_the_title()
    {
        var content = Content(LongPlain.Normalize(NormalizationForm.FormD));
        Assert.Equal(LongPlain[..40], content.PlainSummary![..40]);

        // A title of two lines: below it, the organization alone is grey, the plain summary is ink.
        using var with = SKBitmap.Decode(TaskCardRenderer.RenderPng(content with { Title = WebCorpus.TeaTitle }));
        using var without = SKBitmap.Decode(TaskCardRenderer.RenderPng(Content(null) with { Title = WebCorpus.TeaTitle }));
        var band = new SKRectI(0, 300, 1200, 420);
        Assert.True(CardRenderingTests.DarkPixels(with, band) > CardRenderingTests.DarkPixels(without, band) + 2000,
            "no plain-summary text was drawn under the title");
    }
}
