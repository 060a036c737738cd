using System.Text;
using Registry.Data.Records;

namespace Registry.Data.Demo;

/// <summary>
/// Tóm tắt phổ thông for a share of demo tasks: three short sentences from per-field templates (what the task does,
/// what it changes, who gains), written to pass <see cref="Validation.PlainSummaryRules"/>. {0} is the subject, {1} the
/// place. The choices come from a generator seeded by the task code, not from the catalogue's generator, so the
/// rest of the catalogue is the same with or without them.
/// </summary>
internal static class DemoPlainSummaries
{
    /// <summary>About this share of tasks gets one, as curators write them for some tasks first.</summary>
    public const double Share = 0.35;

    private sealed record Templates(string[] What, string[] Change, string[] Who);

    private static readonly Dictionary<char, Templates> ByField = new()
    {
        ['1'] = new(
            ["Nhiệm vụ đo đạc và ghi chép để hiểu rõ hơn về {0} {1}.", "Các nhà khoa học thu thập số liệu về {0} {1} trong nhiều tháng."],
            ["Nhờ đó, tỉnh có thông tin đáng tin cậy để lập kế hoạch.", "Kết quả giúp chính quyền chủ động hơn trước những thay đổi của tự nhiên."],
            ["Số liệu sẽ được công bố để mọi người cùng dùng.", "Người dân có thể xem kết quả trên bản đồ số của tỉnh."]),
        ['2'] = new(
            ["Nhiệm vụ tự làm ra giải pháp về {0} thay cho hàng phải mua từ nơi khác.", "Các kỹ sư trong tỉnh chế tạo và chạy thử giải pháp về {0} {1}."],
            ["Nếu thành công, doanh nghiệp tiết kiệm được tiền mua máy và tiền điện.", "Sản phẩm bền, dễ sửa và rẻ hơn hàng nhập khẩu."],
            ["Doanh nghiệp trong tỉnh có thể nhận chuyển giao để dùng ngay.", "Người lao động làm việc nhẹ nhàng và an toàn hơn."]),
        ['3'] = new(
            ["Nhiệm vụ giúp bác sĩ trong tỉnh khám và chữa tốt hơn trong lĩnh vực {0}.", "Các bệnh viện của tỉnh thử một cách chữa mới liên quan đến {0}."],
            ["Người bệnh được chữa ngay tại tỉnh, đỡ tốn tiền và thời gian đi xa.", "Bác sĩ tuyến dưới được hướng dẫn để tự làm được kỹ thuật này."],
            ["Khi có kết quả tốt, cách làm sẽ được đưa tới nhiều bệnh viện khác.", "Người dân ở vùng xa cũng được hưởng lợi."]),
        ['4'] = new(
            ["Nhiệm vụ tìm cách trồng và nuôi {0} cho năng suất cao hơn {1}.", "Nông dân {1} được hướng dẫn cách làm mới với {0}."],
            ["Sản phẩm sạch hơn, dễ bán hơn và có giá tốt hơn.", "Mỗi gia đình có thể tăng thu nhập trên cùng mảnh ruộng."],
            ["Cách làm sẽ được nhân rộng cho các hộ khác khi nhiệm vụ kết thúc.", "Hợp tác xã và doanh nghiệp cùng tham gia để bao tiêu sản phẩm."]),
        ['5'] = new(
            ["Nhiệm vụ tìm hiểu những khó khăn về {0} {1}.", "Nhóm nghiên cứu gặp người dân và cán bộ để hỏi về {0}."],
            ["Từ đó, tỉnh có thêm căn cứ để ra chính sách sát với thực tế.", "Kết quả giúp các xã làm việc hiệu quả hơn và phục vụ người dân tốt hơn."],
            ["Các đề xuất sẽ được gửi tới lãnh đạo tỉnh trong năm tới.", "Người dân sẽ được hỏi ý kiến trước khi áp dụng."]),
        ['6'] = new(
            ["Nhiệm vụ sưu tầm và ghi lại những giá trị của {0} {1}.", "Các nhà nghiên cứu gặp nghệ nhân để ghi âm, ghi hình về {0}."],
            ["Nhờ đó, những nét đẹp xưa không bị mất đi.", "Tư liệu được lưu giữ để con cháu sau này còn biết đến."],
            ["Học sinh và du khách có thể tìm hiểu qua sách và trang web của tỉnh.", "Kết quả góp phần thu hút khách du lịch về Đất Tổ."]),
    };

    /// <summary>The record with a plain summary for about <see cref="Share"/> of codes; unchanged otherwise.</summary>
    public static TaskRecord Fill(TaskRecord record, string sector, string subject, string place)
    {
        var rng = new DemoRandom(Seed(record.Code ?? ""));
        if (!rng.Chance(Share) || !ByField.TryGetValue(sector[0], out var t)) return record;
        string Say(string template) => DemoTitles.Capitalize(string.Format(template, subject, place));
        return record with { PlainSummary = string.Join(" ", Say(rng.Pick(t.What)), Say(rng.Pick(t.Change)), Say(rng.Pick(t.Who))) };
    }

    /// <summary>FNV-1a of the code's UTF-8 bytes: stable across runs and machines (string.GetHashCode is not).</summary>
    private static ulong Seed(string code)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(code)) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
