using Registry.Data.Feedback;
using Registry.Data.Tests.Import;

namespace Registry.Data.Tests.Feedback;

/// <summary>The consent text is stated once in code; the curators' guide quotes it, and must not drift from it.</summary>
public sealed class FeedbackConsentDocsTests
{
    [Fact]
    public void The_guide_quotes_the_current_consent_text_and_version()
    {
        var doc = File.ReadAllText(Path.Combine(CsvImportReaderTests.RepoRoot(), "docs", "feedback.md"));
        Assert.Contains(FeedbackConsent.TemplateVi.Replace("{0}", "{N}"), doc);
        Assert.Contains(FeedbackConsent.TemplateEn.Replace("{0}", "{N}"), doc);
        Assert.Contains(FeedbackConsent.AgreeVi, doc);
        Assert.Contains(FeedbackConsent.AgreeEn, doc);
        Assert.Contains(FeedbackConsent.Version, doc);
    }

    [Fact]
    public void The_text_states_the_period_and_what_Decree_13_asks_for()
    {
        var vi = FeedbackConsent.TextVi(90);
        var en = FeedbackConsent.TextEn(90);
        Assert.Contains("90 ngày", vi);
        Assert.Contains("90 days", en);
        foreach (var needed in new[] { "Nghị định 13/2023/NĐ-CP", "rút lại sự đồng ý", "yêu cầu xóa", "không bao giờ được công bố", "chỉ để trả lời" })
        {
            Assert.Contains(needed, vi);
        }
    }
}
