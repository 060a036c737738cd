using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;
using Registry.Data.Validation;

namespace Registry.Data.Tests.Coverage;

/// <summary>The rules of coverage[]: links, kinds, dates (Vietnam's today), texts, duplicates, item count.</summary>
public sealed class CoverageValidationTests
{
    /// <summary>18:00 UTC on 1 March 2026 is already 2 March in Vietnam (UTC+7).</summary>
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero));

    private static CoverageRecord Item(string url = "https://baophutho.vn/khoa-hoc/giong-che-moi-1234.html") => new()
    {
        Url = url, Outlet = "Báo Phú Thọ", Kind = CoverageKind.Press, Date = new DateOnly(2026, 2, 10), Title = "Giống chè mới cho năng suất cao",
    };

    private static IReadOnlyList<FieldError> Errors(params CoverageRecord[] items) =>
        TaskRecordValidator.Validate(TestRecords.Valid() with { Coverage = items }, Clock);

    private static IReadOnlyList<string> Paths(params CoverageRecord[] items) => Errors(items).Select(e => e.Path).ToList();

    [Fact]
    public void A_complete_item_and_an_item_without_outlet_or_title_are_valid()
    {
        Assert.Empty(Errors(Item(), Item("https://ptv.vn/video/1") with { Outlet = null, Title = null, Kind = CoverageKind.Television }));
        Assert.Empty(Errors());
    }

    [Fact]
    public void Url_kind_and_date_are_required_and_named_by_path_in_Vietnamese_then_English()
    {
        var errors = Errors(Item(), new CoverageRecord { Outlet = "Báo Phú Thọ" });

        Assert.Equal(["coverage[1].url", "coverage[1].kind", "coverage[1].date"], errors.Select(e => e.Path));
        Assert.StartsWith("Bắt buộc nhập đường dẫn", errors[0].Message);
        Assert.EndsWith("(coverage[1].url is required)", errors[0].Message);
        Assert.Contains("socialNetwork (Mạng xã hội)", errors[1].Message);
    }

    [Fact]
    public void A_null_item_is_an_error_not_a_crash()
    {
        Assert.Equal(["coverage[0]"], Paths(new CoverageRecord[] { null! }));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT://baophutho.vn/%0aalert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://baophutho.vn/tin.pdf")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/khoa-hoc/tin.html")]
    [InlineData("baophutho.vn/khoa-hoc/tin.html")]
    [InlineData("//baophutho.vn/khoa-hoc")]
    [InlineData("https:/baophutho.vn/x")]
    [InlineData("https://")]
    [InlineData("https://localhost/x")]
    [InlineData("https://user:pass@baophutho.vn/x")]
    [InlineData("https://baophutho.vn@evil.example/x")]
    [InlineData("https://bao phutho.vn/x")]
    [InlineData("https://baophutho.vn/khoa hoc")]
    [InlineData("https://baophutho.vn/x\ty")]
    [InlineData("https://baophutho.vn/x\u0000y")]
    [InlineData("https://baophutho.vn/x\u0007")]
    [InlineData("https://baophutho.vn/\u202Egpj.exe")]
    [InlineData("https://bao\u200Bphutho.vn/x")]
    [InlineData("https://baophutho.vn/\"onmouseover=\"alert(1)")]
    [InlineData("https://baophutho.vn/<script>")]
    [InlineData("https://baophutho.vn/a|b")]
    [InlineData("http://baophutho.vn./x")]
    public void Hostile_and_careless_links_are_refused_with_the_path(string url)
    {
        var errors = Errors(Item(url));
        var error = Assert.Single(errors);
        Assert.Equal("coverage[0].url", error.Path);
        Assert.Matches(@"^[^()]+\(.*url.*\)$", error.Message);
    }

    [Theory]
    [InlineData("https://baophutho.vn/khoa-hoc/giong-che-moi-1234.html")]
    [InlineData("HTTP://BAOPHUTHO.VN/Khoa-Hoc")]
    [InlineData("https://vnexpress.net/tim-kiem?q=chè+Phú+Thọ&cate=khoa-hoc;trang=2#ket-qua")]
    [InlineData("https://www.facebook.com/sokhcnphutho/posts/123456789")]
    [InlineData("https://báophúthọ.vn/tin")]
    [InlineData("https://203.162.10.5:8080/tin")]
    [InlineData("  https://baophutho.vn/x  ")]
    public void Ordinary_links_are_accepted(string url)
    {
        Assert.Empty(Errors(Item(url)));
    }

    [Fact]
    public void A_link_over_the_url_limit_is_refused_once()
    {
        var url = "https://baophutho.vn/" + new string('a', TextLimits.Url);
        var error = Assert.Single(Errors(Item(url)));
        Assert.Equal("coverage[0].url", error.Path);
        Assert.Contains($"at most {TextLimits.Url} characters", error.Message);
    }

    [Theory]
    [InlineData("https://baophutho.vn/tin/1", "http://baophutho.vn/tin/1")]
    [InlineData("https://baophutho.vn/tin/1", "https://BaoPhuTho.VN/tin/1")]
    [InlineData("https://baophutho.vn/tin/1", "https://baophutho.vn/tin/1/")]
    [InlineData("https://baophutho.vn/tin/1", "https://baophutho.vn/tin/1#binh-luan")]
    [InlineData("https://baophutho.vn/tin/1", "https://www.baophutho.vn/tin/1")]
    [InlineData("https://baophutho.vn/tin/1", "https://baophutho.vn:443/tin/1")]
    [InlineData("https://baophutho.vn/tin/chè", "https://baophutho.vn/tin/ch%C3%A8")]
    [InlineData("https://baophutho.vn/", "https://baophutho.vn")]
    public void The_same_link_twice_is_refused_at_the_second_item(string first, string second)
    {
        var errors = Errors(Item(first), Item("https://ptv.vn/video/2"), Item(second));
        var error = Assert.Single(errors);
        Assert.Equal("coverage[2].url", error.Path);
        Assert.Contains("coverage[0]", error.Message);
    }

    [Theory]
    [InlineData("https://baophutho.vn/tin/1", "https://baophutho.vn/tin/2")]
    [InlineData("https://baophutho.vn/Tin/1", "https://baophutho.vn/tin/1")]
    [InlineData("https://baophutho.vn/tin?id=1", "https://baophutho.vn/tin?id=2")]
    [InlineData("https://baophutho.vn/tin/1", "https://baophutho.vn:8443/tin/1")]
    public void Different_links_are_not_duplicates(string first, string second)
    {
        Assert.Empty(Errors(Item(first), Item(second)));
    }

    [Fact]
    public void The_date_may_be_today_in_Vietnam_but_not_tomorrow()
    {
        // 18:00 UTC on 1 March is 01:00 on 2 March in Vietnam: 2 March is today, 3 March the future.
        Assert.Empty(Errors(Item() with { Date = new DateOnly(2026, 3, 2) }));
        var error = Assert.Single(Errors(Item() with { Date = new DateOnly(2026, 3, 3) }));
        Assert.Equal("coverage[0].date", error.Path);
        Assert.Contains("02/03/2026", error.Message);
        Assert.Contains("must not be after today, 2026-03-02 in Vietnam", error.Message);
    }

    [Fact]
    public void Vietnam_midnight_is_the_boundary()
    {
        var item = Item() with { Date = new DateOnly(2026, 3, 2) };
        var record = TestRecords.Valid() with { Coverage = [item] };
        // 16:59:59 UTC on 1 March is 23:59:59 in Vietnam: 2 March is still tomorrow.
        Assert.Equal(["coverage[0].date"], TaskRecordValidator.Validate(record, new FixedClock(new(2026, 3, 1, 16, 59, 59, TimeSpan.Zero))).Select(e => e.Path));
        Assert.Empty(TaskRecordValidator.Validate(record, new FixedClock(new(2026, 3, 1, 17, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Outlet_and_title_lengths_follow_the_declarations()
    {
        var errors = Errors(Item() with { Outlet = new string('o', TextLimits.ShortText + 1), Title = new string('t', TextLimits.Title + 1) });
        Assert.Equal(["coverage[0].outlet", "coverage[0].title"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Texts_in_NFD_or_with_zero_width_joiners_are_accepted_but_bidirectional_overrides_and_line_breaks_are_not()
    {
        Assert.Empty(Errors(Item() with { Outlet = "Ba\u0301o Phu\u0301 Tho\u0323", Title = "Gia\u0300 đi\u0300nh \u200D👩‍🌾 nông dân" }));
        Assert.Equal(["coverage[0].title"], Paths(Item() with { Title = "Tin \u202Egnol\u202C mới" }));
        Assert.Equal(["coverage[0].outlet"], Paths(Item() with { Outlet = "Báo \u2066Phú Thọ\u2069" }));
        Assert.Equal(["coverage[0].title"], Paths(Item() with { Title = "Dòng một\nDòng hai" }));
        Assert.Equal(["coverage[0].outlet"], Paths(Item() with { Outlet = "Báo A | Báo B" }));
    }

    [Fact]
    public void An_undefined_kind_is_refused()
    {
        Assert.Equal(["coverage[0].kind"], Paths(Item() with { Kind = (CoverageKind)99 }));
    }

    [Fact]
    public void At_most_the_declared_number_of_items()
    {
        var items = Enumerable.Range(0, TextLimits.Coverage + 1).Select(i => Item($"https://baophutho.vn/tin/{i}")).ToArray();
        Assert.Equal(["coverage"], Paths(items));
        Assert.Empty(Paths(items[..TextLimits.Coverage]));
    }

    [Fact]
    public void One_item_alone_is_judged_with_paths_relative_to_the_item()
    {
        var errors = TaskRecordValidator.ValidateCoverageItem(new CoverageRecord { Url = "javascript:alert(1)", Kind = CoverageKind.Event }, Clock);
        Assert.Equal(["url", "date"], errors.Select(e => e.Path));
        Assert.EndsWith("(date is required)", errors[1].Message);
    }

    [Fact]
    public void The_key_ignores_scheme_host_case_www_default_port_trailing_slash_and_fragment()
    {
        Assert.Equal("baophutho.vn/tin/1?a=1;b=2", CoverageLinks.Key("HTTP://WWW.BaoPhuTho.vn:80/tin/1/?a=1;b=2#x"));
    }
}

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
