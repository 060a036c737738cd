using System.Diagnostics;
using System.Globalization;
using System.Text;
using Registry.Api.Web.Cards;
using Registry.Data.Records;
using Registry.Web.Tests.Infrastructure;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Xunit.Abstractions;

namespace Registry.Web.Tests.Cards;

/// <summary>The card drawing on its own: size, that text is drawn, Vietnamese coverage, wrapping and ellipsis, time.</summary>
public sealed class CardRenderingTests(ITestOutputHelper output)
{
    private static readonly TaskCardContent Sample = TaskCardContent.From(WebCorpus.Published[0]);

    [Fact]
    public void The_card_is_a_1200_by_630_png_with_text_in_the_title_area()
    {
        var png = TaskCardRenderer.RenderPng(Sample);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(630, bitmap.Height);
        // Title band (below the header, above the facts row): the title is dark ink on white.
        Assert.True(DarkPixels(bitmap, new SKRectI(0, 130, 1200, 420)) > 3000, "no title text was drawn");
        // Header band carries the mark's text in white on the brand colour.
        Assert.True(LightPixels(bitmap, new SKRectI(150, 20, 600, 90)) > 500, "no mark text in the header");

        // A card without organization, field, figure or years still draws its title; a blank title never reaches here.
        var bare = TaskCardRenderer.RenderPng(new TaskCardContent("Tiêu đề", null, null, null, null, null));
        using var bareBitmap = SKBitmap.Decode(bare);
        Assert.True(DarkPixels(bareBitmap, new SKRectI(0, 130, 1200, 420)) > 200);
        Assert.True(DarkPixels(bitmap, new SKRectI(0, 130, 1200, 420)) > DarkPixels(bareBitmap, new SKRectI(0, 130, 1200, 420)));
    }

    [Fact]
    public void The_content_names_the_field_formats_the_budget_the_vietnamese_way_and_gives_years()
    {
        Assert.Equal(WebCorpus.DigitalTitle, Sample.Title);
        Assert.Equal(WebCorpus.HostName, Sample.Organization);
        Assert.Equal("2024–2026", Sample.Years);
        Assert.Equal("1.250.000.000 ₫", Sample.KeyValue);
        Assert.NotNull(Sample.Field);
        Assert.DoesNotMatch("^[0-9]+$", Sample.Field!);
        // Without a budget the key figure is the status.
        var noBudget = TaskCardContent.From(WebCorpus.Published[0] with { Budget = null });
        Assert.NotNull(noBudget.KeyValue);
        Assert.DoesNotContain("₫", noBudget.KeyValue!);
    }

    [Fact]
    public void Both_bundled_faces_have_a_glyph_for_every_vietnamese_letter_with_every_tone()
    {
        var letters = AllVietnameseLetters();
        Assert.True(letters.Length >= 134, $"only {letters.Length} letters generated");
        foreach (var face in new[] { CardFonts.Regular, CardFonts.Bold })
        {
            using var font = new SKFont(face, 40);
            var missing = letters.Where(c => font.GetGlyphs(c.ToString()).Any(g => g == 0)).ToList();
            Assert.True(missing.Count == 0, $"{face.FamilyName} {face.FontStyle.Weight} lacks: {string.Join(' ', missing)}");
            Assert.True(font.ContainsGlyphs(new string(letters)));
            // HarfBuzz shaping maps every letter to a real glyph too (0 is .notdef, the "tofu" box).
            using var shaper = new SKShaper(face);
            Assert.DoesNotContain(0u, shaper.Shape(new string(letters), font).Codepoints);
        }
        Assert.Contains(CardFonts.Regular.FamilyName, new[] { "DejaVu Sans" });
    }

    [Fact]
    public void A_title_with_every_vowel_and_tone_renders_without_tofu_and_decomposed_input_is_composed()
    {
        var nfd = CardHostFixture.VowelsTitle.Normalize(NormalizationForm.FormD);
        var content = TaskCardContent.From(WebCorpus.Published[0] with { Title = nfd });
        Assert.Equal(CardHostFixture.VowelsTitle.Normalize(NormalizationForm.FormC), content.Title);
        using var font = new SKFont(CardFonts.Bold, TaskCardRenderer.TitleSize);
        using var shaper = new SKShaper(CardFonts.Bold);
        var lines = TaskCardRenderer.Wrap(shaper, font, content.Title, TaskCardRenderer.TextWidth, TaskCardRenderer.TitleLines);
        foreach (var line in lines)
        {
            Assert.DoesNotContain(0u, shaper.Shape(line, font).Codepoints);
            Assert.True(line.IsNormalized(NormalizationForm.FormC));
        }
        using var bitmap = SKBitmap.Decode(TaskCardRenderer.RenderPng(content));
        Assert.True(DarkPixels(bitmap, new SKRectI(0, 130, 1200, 420)) > 3000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Long_text_is_wrapped_within_the_width_and_ends_with_an_ellipsis(int maxLines)
    {
        var title = string.Join(' ', Enumerable.Repeat("Nghiên cứu ứng dụng công nghệ sinh học trong sản xuất giống chè Shan tuyết", 10));
        using var font = new SKFont(CardFonts.Bold, TaskCardRenderer.TitleSize);
        using var shaper = new SKShaper(CardFonts.Bold);
        var lines = TaskCardRenderer.Wrap(shaper, font, title, TaskCardRenderer.TextWidth, maxLines);
        Assert.Equal(maxLines, lines.Count);
        Assert.All(lines, l => Assert.True(TaskCardRenderer.Measure(shaper, font, l) <= TaskCardRenderer.TextWidth, $"'{l}' is wider than the card"));
        Assert.EndsWith("…", lines[^1]);
        Assert.All(lines.Take(lines.Count - 1), l => Assert.DoesNotContain("…", l));
        // The wrapped words are the title's words, in order.
        Assert.StartsWith(string.Join(' ', lines.Take(lines.Count - 1).Append(lines[^1].TrimEnd('…'))).Trim(), title);

        // A short title is neither wrapped nor ellipsized.
        Assert.Equal(["Chè Shan tuyết"], TaskCardRenderer.Wrap(shaper, font, "Chè Shan tuyết", TaskCardRenderer.TextWidth, maxLines));
    }

    [Fact]
    public void A_word_wider_than_the_card_is_broken_between_letters_never_between_a_letter_and_its_marks()
    {
        var word = string.Concat(Enumerable.Repeat("ệ", 200)).Normalize(NormalizationForm.FormD); // e + circumflex + dot below
        using var font = new SKFont(CardFonts.Bold, TaskCardRenderer.TitleSize);
        using var shaper = new SKShaper(CardFonts.Bold);
        var lines = TaskCardRenderer.Wrap(shaper, font, word, TaskCardRenderer.TextWidth, 3);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.True(TaskCardRenderer.Measure(shaper, font, l) <= TaskCardRenderer.TextWidth);
            Assert.NotEqual(UnicodeCategory.NonSpacingMark, CharUnicodeInfo.GetUnicodeCategory(l[0]));
        });
        Assert.EndsWith("…", lines[^1]);
        var beforeEllipsis = lines[^1][..^1];
        Assert.Equal(UnicodeCategory.NonSpacingMark, CharUnicodeInfo.GetUnicodeCategory(beforeEllipsis[^1]));
        Assert.Equal(0, beforeEllipsis.Length % 3);
    }

    [Fact]
    public void Hostile_text_renders_in_bounded_time()
    {
        var hostile = new string('W', 100_000) + "\u202E\u0000" + string.Concat(Enumerable.Repeat("a\u0301\u0323\u0302", 5_000));
        var content = TaskCardContent.From(WebCorpus.Published[0] with { Title = hostile, HostOrganization = new OrganizationRef { Name = hostile } });
        Assert.True(content.Title.Length <= TaskCardContent.MaxInput);
        Assert.DoesNotContain('\u202E', content.Title);
        var watch = Stopwatch.StartNew();
        using var bitmap = SKBitmap.Decode(TaskCardRenderer.RenderPng(content));
        watch.Stop();
        Assert.Equal(1200, bitmap.Width);
        output.WriteLine($"hostile card: {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Measured_render_time()
    {
        TaskCardRenderer.RenderPng(Sample); // warm up: font load, native init
        var cards = WebCorpus.Published.Select(TaskCardContent.From).ToList();
        var times = new List<double>();
        var size = 0L;
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            size += TaskCardRenderer.RenderPng(cards[i % cards.Count]).Length;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        output.WriteLine($"render+encode of 20 cards: median {times[10]:F1} ms, max {times[^1]:F1} ms, mean PNG {size / 20 / 1024} KiB");
        Assert.True(times[10] < 1000, $"median render {times[10]} ms");
    }

    internal static char[] AllVietnameseLetters()
    {
        var bases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
        var tones = new[] { "", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323" };
        var letters = new List<char> { 'đ', 'Đ' };
        foreach (var b in bases)
            foreach (var t in tones)
            {
                var composed = (b + t).Normalize(NormalizationForm.FormC);
                Assert.True(composed.Length == 1, $"{b}+tone has no precomposed form");
                letters.Add(composed[0]);
            }
        return [.. letters];
    }

    internal static int DarkPixels(SKBitmap bitmap, SKRectI area) => Count(bitmap, area, c => c.Red + c.Green + c.Blue < 200);

    private static int LightPixels(SKBitmap bitmap, SKRectI area) => Count(bitmap, area, c => c.Red + c.Green + c.Blue > 700);

    private static int Count(SKBitmap bitmap, SKRectI area, Func<SKColor, bool> test)
    {
        var n = 0;
        for (var y = area.Top; y < area.Bottom; y++)
            for (var x = area.Left; x < area.Right; x++)
                if (test(bitmap.GetPixel(x, y))) n++;
        return n;
    }
}
