using System.Text.Json;
using Registry.Data.Records;
using Registry.Data.Validation;
using Xunit.Abstractions;

namespace Registry.Data.Tests.PlainSummary;

/// <summary>
/// The thresholds of <see cref="PlainSummaryRules"/> measured against real text: the 516 real task records of the search
/// development set (titles and the scientific summaries they carry, none has a plain summary), plain rewrites of real
/// summaries, and jargon. The figures are printed and quoted in docs/communication.md.
/// </summary>
public sealed class PlainSummaryCalibrationTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<TaskRecord> Real =
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "PlainSummary", "real-tasks.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<TaskRecord>(l, RegistryJson.Options)!)
            .ToList();

    /// <summary>Plain rewrites of real summaries (codes of the development set), as a curator would write them.</summary>
    public static readonly TheoryData<string, string> Rewrites = new()
    {
        { "bí thơm", "Bí thơm là giống bí đặc sản của huyện Ba Bể nhưng đang bị thoái hóa. Nhiệm vụ chọn lại những cây tốt nhất để quả bí thơm ngon như xưa. Nông dân được hướng dẫn tự làm hạt giống để trồng lâu dài." },
        { "lợn nái", "Thức ăn chiếm phần lớn chi phí nuôi lợn nái. Nhiệm vụ tìm cách phối trộn thức ăn rẻ hơn mà lợn vẫn khỏe và đẻ tốt. Các trang trại ở Hà Nội có thể áp dụng để giảm chi phí và có lãi hơn." },
        { "bạo lực gia đình", "Nhiệm vụ tìm hiểu vì sao bạo lực gia đình vẫn xảy ra ở Quảng Ngãi, nhất là với phụ nữ và trẻ em. Nhóm nghiên cứu gặp người dân và cán bộ ở nhiều xã. Từ đó, tỉnh có thêm cách phòng ngừa và giúp đỡ người bị bạo lực." },
        { "khảm lá sắn", "Cây sắn ở Quảng Ngãi đang bị bệnh khảm lá làm giảm mạnh năng suất. Nhiệm vụ chọn ít nhất hai giống sắn mới không mắc bệnh này và cho nhiều củ. Nông dân được hướng dẫn cách trồng và nhân giống để thay giống cũ." },
        { "Óc Eo", "Đồng Tháp có nhiều di tích của nền văn hóa Óc Eo cổ xưa. Nhiệm vụ thu thập tài liệu và vẽ bản đồ các di tích này trên toàn tỉnh. Nhờ đó, tỉnh bảo vệ di tích tốt hơn, còn người dân và du khách hiểu thêm về lịch sử vùng đất." },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void Plain_rewrites_of_real_summaries_pass(string subject, string plain)
    {
        var original = Real.First(r => r.Summary is { } s && s.Contains(subject.Split(' ')[0], StringComparison.OrdinalIgnoreCase)).Summary;
        Assert.Empty(PlainSummaryRules.Problems(plain, original));
    }

    [Fact]
    public void Real_records_are_measured_and_the_limits_sit_where_their_writing_does()
    {
        Assert.True(Real.Count >= 500, $"expected the 516 real records, read {Real.Count}");

        // Titles are single sentences written by the field: the sentence limit must not be stricter than most of them.
        var titles = Real.Select(r => PlainText.Measure(r.Title!).LongestSentence).Order().ToList();
        var titlesWithin = titles.Count(n => n <= PlainSummaryRules.MaxSentenceSyllables) / (double)titles.Count;
        output.WriteLine($"titles: {titles.Count}, median {titles[titles.Count / 2]} syllables, p90 {titles[(int)(titles.Count * 0.9)]}, " +
                         $"within {PlainSummaryRules.MaxSentenceSyllables}: {titlesWithin:P0}");
        Assert.InRange(titlesWithin, 0.85, 1.0);

        // Scientific summaries (technical-administrative style, clauses chained with semicolons) as plain summaries.
        var summaries = Real.Where(r => r.Summary is not null).ToList();
        var failing = new Dictionary<string, int>();
        var passing = 0;
        foreach (var r in summaries)
        {
            var problems = PlainSummaryRules.Problems(r.Summary, null);
            if (problems.Count == 0) passing++;
            foreach (var p in problems)
            {
                var rule = System.Text.RegularExpressions.Regex.Replace(p.Split(':')[0], @"\d+", "N");
                failing[rule] = failing.GetValueOrDefault(rule) + 1;
            }
            output.WriteLine($"{r.Code}: {PlainText.Measure(r.Summary!).LongestSentence} syllables, {(problems.Count == 0 ? "passes" : string.Join(" | ", problems.Select(p => p[..Math.Min(40, p.Length)])))}");
        }
        var share = passing / (double)summaries.Count;
        output.WriteLine($"real scientific summaries: {summaries.Count}, would pass as plain summaries: {passing} ({share:P0})");
        foreach (var (rule, count) in failing.OrderByDescending(p => p.Value)) output.WriteLine($"  {count} × {rule}");
        Assert.True(summaries.Count >= 20);
        // The rules separate: some short real summaries already read plainly, most long chained ones do not.
        Assert.InRange(share, 0.15, 0.6);
    }

    [Fact]
    public void Specialist_text_fails_and_a_plain_summary_of_the_same_task_passes()
    {
        Assert.NotEmpty(PlainSummaryRules.Problems(PlainSummaryRulesTests.Jargon, null));
        Assert.Empty(PlainSummaryRules.Problems(PlainSummaryRulesTests.Good, PlainSummaryRulesTests.Jargon));
    }
}
