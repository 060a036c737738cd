using System.Text;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;
using Registry.Data.Validation;

namespace Registry.Data.Tests.PlainSummary;

/// <summary>Tóm tắt phổ thông: each rule refuses what it should, with a message naming the field, and lets plain text through.</summary>
public sealed class PlainSummaryRulesTests
{
    /// <summary>Three short sentences a reader outside agronomy understands.</summary>
    public const string Good =
        "Nhiệm vụ tạo ra giống chè mới cho nhiều búp hơn và chịu hạn tốt hơn giống cũ. " +
        "Nông dân ở các xã vùng chè của Phú Thọ được hướng dẫn trồng thử trên 20 ha. " +
        "Nếu thành công, mỗi héc-ta có thể cho thêm khoảng 2 tấn chè búp tươi mỗi năm.";

    /// <summary>The same subject as a specialist writes it: abbreviations, Latin names, formulas, one long sentence.</summary>
    public const string Jargon =
        "Ứng dụng IoT, AI và GIS trong quản lý CĐS ngành NN&PTNT theo tiêu chuẩn VietGAP; phân tích hàm lượng polyphenol, " +
        "catechin, theaflavin bằng HPLC với dung môi H2SO4 0,1N và CO2 siêu tới hạn để chọn tạo giống Camellia sinensis var. assamica.";

    private static IReadOnlyList<FieldError> Errors(string? plain, string? summary = null) =>
        TaskRecordValidator.Validate(TestRecords.Valid() with { PlainSummary = plain, Summary = summary ?? TestRecords.Valid().Summary })
            .Where(e => e.Path == "plainSummary").ToList();

    private static string Message(string? plain, string? summary = null) => Assert.Single(Errors(plain, summary)).Message;

    [Fact]
    public void A_plain_summary_of_a_few_short_sentences_passes_and_is_optional()
    {
        Assert.Empty(Errors(Good));
        Assert.Empty(Errors(null));
        Assert.Empty(Errors("   \n "));
    }

    [Fact]
    public void Jargon_dense_text_fails_on_several_counts_each_saying_what_to_fix()
    {
        var messages = Errors(Jargon).Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("chữ viết tắt chưa giải thích") && m.Contains("CĐS") && m.Contains("(at most 2 unexplained abbreviations"));
        Assert.Contains(messages, m => m.Contains("H2SO4") && m.Contains("formulas or codes"));
        Assert.Contains(messages, m => m.Contains("polyphenol") && m.Contains("foreign or Latin terms"));
        Assert.Contains(messages, m => m.Contains("tách thành câu ngắn hơn") && m.Contains("split it"));
    }

    [Fact]
    public void The_jargon_example_of_the_docs_measures_as_documented()
    {
        var m = PlainText.Measure(Jargon);
        Assert.Equal([43], m.Sentences);
        Assert.Equal(["AI", "GIS", "CĐS", "NN&PTNT", "VietGAP", "HPLC", "H2SO4", "CO2"], m.UnexplainedAbbreviations);
        Assert.Equal(["H2SO4", "0,1N", "CO2"], m.TechnicalTokens);
        Assert.Equal(6, m.LongWords.Count);
        // An expansion after the abbreviation explains it as well as one before.
        Assert.Empty(PlainText.Measure("Dự án CĐS (chuyển đổi số) của tỉnh.").UnexplainedAbbreviations);
        Assert.Equal(["CĐS"], PlainText.Measure("Dự án CĐS (2025) của tỉnh.").UnexplainedAbbreviations);
    }

    [Fact]
    public void Length_is_counted_in_NFC_so_NFD_input_measures_the_same()
    {
        var nfc = Good.Normalize(NormalizationForm.FormC);
        Assert.Equal(PlainText.Measure(nfc).Sentences, PlainText.Measure(nfc.Normalize(NormalizationForm.FormD)).Sentences);
        Assert.Empty(Errors(Good.Normalize(NormalizationForm.FormD)));

        // 800 characters in NFC (far more in NFD) passes the length limit; 801 does not.
        var exactly800 = Sentences(800);
        Assert.Equal(800, exactly800.Normalize(NormalizationForm.FormC).Length);
        Assert.True(exactly800.Normalize(NormalizationForm.FormD).Length > 900);
        Assert.DoesNotContain(Errors(exactly800.Normalize(NormalizationForm.FormD)), e => e.Message.Contains("Quá dài"));
        var tooLong = Errors((exactly800 + "ồ").Normalize(NormalizationForm.FormD));
        Assert.Contains(tooLong, e => e.Message.StartsWith("Quá dài: tối đa 800 ký tự, hiện có 801"));
    }

    /// <summary>Short sentences of marked syllables ("Cá về hồ.") up to exactly <paramref name="length"/> NFC characters.</summary>
    private static string Sentences(int length)
    {
        var sb = new StringBuilder();
        string[] words = ["Người", "dân", "được", "hướng", "dẫn", "nuôi", "cá", "ở", "hồ", "mới"];
        var i = 0;
        while (sb.Length < length - 60)
        {
            for (var w = 0; w < 8; w++) sb.Append(w == 0 ? words[i++ % words.Length] : " " + words[(i + w) % words.Length].ToLowerInvariant());
            sb.Append(". ");
        }
        var text = sb.ToString().TrimEnd();
        while (text.Length < length - 1) text += "ồ";
        return text + ".";
    }

    [Fact]
    public void Too_short_and_one_800_character_sentence_are_refused()
    {
        Assert.Contains("Quá ngắn", Message("Giống chè mới cho nhiều búp hơn."));
        var oneSentence = string.Join(' ', Enumerable.Repeat("chè", 199)) + ".";
        Assert.True(oneSentence.Length <= 800);
        var errors = Errors(oneSentence);
        Assert.Contains(errors, e => e.Message.StartsWith("Câu thứ 1 dài 199 tiếng, tối đa 35"));
    }

    [Fact]
    public void At_most_six_sentences_and_a_bounded_average()
    {
        var seven = string.Concat(Enumerable.Repeat("Người dân được hướng dẫn nuôi cá ở hồ. ", 7));
        Assert.Contains("tối đa 6 câu, hiện có 7", Message(seven));
        var longish = string.Concat(Enumerable.Repeat("Nuôi cá " + string.Join(' ', Enumerable.Repeat("nuôi cá", 14)) + ". ", 3));
        Assert.Contains("Câu trung bình dài 30 tiếng", Message(longish));
    }

    [Fact]
    public void Titles_before_names_and_decimals_do_not_end_a_sentence()
    {
        var m = PlainText.Measure("Nhóm của PGS.TS. Nguyễn Văn An đo được 1.5 tấn mỗi ha. Người dân học cách làm.");
        Assert.Equal([12, 5], m.Sentences);
    }

    [Fact]
    public void Capitals_abbreviations_formulas_and_foreign_terms_are_limited()
    {
        Assert.Contains("Không viết hoa toàn bộ", Message(Good.ToUpperInvariant()));
        Assert.Contains("CĐS, ATTT, KH&CN", Message(Good + " Dự án gắn với CĐS, ATTT và KH&CN."));
        // Explained abbreviations and two unexplained ones are fine.
        Assert.Empty(Errors(Good + " Đây là một phần của chuyển đổi số (CĐS) do Sở KH&CN và UBND tỉnh theo dõi."));
        Assert.Contains("CO2, H2SO4, NaCl2", Message(Good + " Mẫu được xử lý bằng CO2, H2SO4 và NaCl2."));
        Assert.Empty(Errors(Good + " Nhiệt độ giữ ở 20°C, độ ẩm 30% và 5ha đất."));
        Assert.Contains("foreign or Latin terms", Message(Good + " Chè chứa polyphenol, catechin, theaflavin và caffeine."));
    }

    [Theory]
    [InlineData("<p>{0}</p>")]
    [InlineData("**Tóm tắt:** {0}")]
    [InlineData("- {0}\n- Người dân được hướng dẫn.")]
    [InlineData("• {0}")]
    [InlineData("{0} Xem [trang](https://x.vn).")]
    [InlineData("{0} &nbsp;")]
    public void Markup_and_bullets_are_refused(string shape)
    {
        var errors = Errors(string.Format(shape, Good));
        Assert.Contains(errors, e => e.Message.Contains("(write plain running sentences: no HTML tags, Markdown or bullet lists)"));
    }

    [Theory]
    [InlineData("Xem thêm tại https://sokhcn.phutho.gov.vn.")]
    [InlineData("Xem thêm tại www.phutho.gov.vn.")]
    [InlineData("Liên hệ an.nguyen@hvu.edu.vn để biết thêm.")]
    [InlineData("Xem thêm ở phutho.gov.vn nhé.")]
    public void Links_and_e_mail_addresses_are_refused(string tail)
    {
        Assert.Contains(Errors(Good + " " + tail), e => e.Message.Contains("remove the link or e-mail address"));
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u00AD")]
    [InlineData("\uFEFF")]
    public void Hidden_characters_zero_width_and_direction_overrides_are_refused(string hidden)
    {
        var text = Good.Insert(20, hidden);
        var message = Message(text);
        Assert.Contains($"U+{(int)hidden[0]:X4}", message);
        Assert.Contains("remove the hidden formatting character", message);
    }

    [Fact]
    public void Emoji_are_refused_and_emoji_alone_is_also_too_short()
    {
        Assert.Contains("remove the emoji", Message(Good + " 🌱"));
        var only = Errors("🌱🍵🌾☀️😀").Select(e => e.Message).ToList();
        Assert.Contains(only, m => m.Contains("remove the emoji"));
        Assert.Contains(only, m => m.StartsWith("Quá ngắn"));
    }

    [Fact]
    public void A_copy_of_the_scientific_summary_is_refused_but_a_rewrite_is_not()
    {
        const string summary = "Nghiên cứu tuyển chọn giống chè có năng suất cao và khả năng chịu hạn tốt, xây dựng mô hình trồng thử nghiệm tại các xã vùng chè của tỉnh Phú Thọ. Đánh giá hiệu quả kinh tế của mô hình.";
        Assert.Contains("repeats the scientific summary", Message("Nghiên cứu tuyển chọn giống chè có năng suất cao và khả năng chịu hạn tốt, xây dựng mô hình trồng thử nghiệm tại các xã.", summary));
        Assert.Contains(Errors(summary, summary), e => e.Message.Contains("repeats the scientific summary"));
        Assert.Empty(Errors(Good, summary));
        Assert.True(PlainSummaryRules.CopiedShare(Good, summary) < 0.2);
    }

    [Fact]
    public void Every_message_names_the_field_and_is_Vietnamese_then_English_in_parentheses()
    {
        foreach (var error in Errors(Jargon + " <b>x</b> https://a.vn 🌱 \u200B"))
        {
            Assert.Equal("plainSummary", error.Path);
            Assert.EndsWith(")", error.Message);
            Assert.Matches(@"^[^()]*\p{L}.* \([a-z][^()]*\)$", error.Message.Replace("(CĐS)", "CĐS"));
        }
    }
}
