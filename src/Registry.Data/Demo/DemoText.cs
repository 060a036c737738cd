namespace Registry.Data.Demo;

/// <summary>
/// Places of the enlarged province and sentence templates per field (first digit of the sector), from which
/// summaries, objectives, methods and expected results of 2–4 sentences are composed. {0} is the subject,
/// {1} the place, {2} the duration in months.
/// </summary>
internal static class DemoText
{
    /// <summary>"tại …|in …": the former Phú Thọ, former Vĩnh Phúc and former Hòa Bình areas.</summary>
    public static readonly string[] Places =
    [
        "trên địa bàn tỉnh Phú Thọ|in Phu Tho province", "trên địa bàn tỉnh Phú Thọ|in Phu Tho province", "tại Việt Trì|in Viet Tri",
        "tại vùng Thanh Sơn – Tân Sơn|in the Thanh Son – Tan Son area", "tại Đoan Hùng|in Doan Hung", "tại Hạ Hòa và Cẩm Khê|in Ha Hoa and Cam Khe",
        "tại Lâm Thao và Phù Ninh|in Lam Thao and Phu Ninh", "tại Vĩnh Yên và Phúc Yên|in Vinh Yen and Phuc Yen", "tại vùng Tam Đảo|in the Tam Dao area",
        "tại Lập Thạch và Sông Lô|in Lap Thach and Song Lo", "tại Yên Lạc và Vĩnh Tường|in Yen Lac and Vinh Tuong", "tại thành phố Hòa Bình cũ|in former Hoa Binh city",
        "tại Mai Châu|in Mai Chau", "tại Cao Phong và Tân Lạc|in Cao Phong and Tan Lac", "tại Lạc Sơn và Kim Bôi|in Lac Son and Kim Boi",
        "tại vùng lòng hồ Hòa Bình|around Hoa Binh lake", "tại vùng hồ Thác Bà|around Thac Ba lake", "tại các xã miền núi của tỉnh|in the province's mountain communes",
    ];

    public sealed record FieldSentences(string[] Context, string[] Aims, string[] Methods, string[] Results, string[] Impacts, string[] Keywords);

    public static readonly IReadOnlyDictionary<char, FieldSentences> ByField = new Dictionary<char, FieldSentences>
    {
        ['1'] = new(
            ["Số liệu về {0} {1} còn phân tán và chưa được cập nhật.", "Việc hiểu rõ {0} là cơ sở khoa học cho quy hoạch và quản lý của tỉnh."],
            ["Làm rõ hiện trạng và quy luật biến động của {0} {1}.", "Xây dựng bộ dữ liệu và bản đồ chuyên đề về {0}."],
            ["Khảo sát thực địa, lấy mẫu và phân tích trong phòng thí nghiệm.", "Sử dụng viễn thám, GIS và mô hình hóa số liệu trong {2} tháng.", "Kế thừa số liệu quan trắc nhiều năm và so sánh với các vùng lân cận."],
            ["Cơ sở dữ liệu và bản đồ số về {0}.", "Báo cáo khoa học và bộ giải pháp quản lý, bảo vệ.", "Hai bài báo khoa học trên tạp chí chuyên ngành."],
            ["Kết quả giúp các sở, ngành và địa phương ra quyết định dựa trên bằng chứng.", "Kết quả được chia sẻ dưới dạng dữ liệu mở."],
            ["dữ liệu", "bản đồ số", "đa dạng sinh học", "biến đổi khí hậu"]),
        ['2'] = new(
            ["Nhu cầu về {0} {1} ngày càng lớn nhưng công nghệ hiện có còn lạc hậu.", "Các cơ sở sản xuất đang phải nhập khẩu thiết bị với chi phí cao."],
            ["Làm chủ công nghệ và chế tạo được {0} phù hợp với điều kiện của tỉnh.", "Giảm chi phí sản xuất và tiêu hao năng lượng từ 15–20%."],
            ["Thiết kế, chế tạo mẫu thử và hoàn thiện qua vận hành thử nghiệm.", "Kết hợp mô phỏng số với thử nghiệm thực tế tại cơ sở sản xuất trong {2} tháng.", "Đánh giá hiệu quả kinh tế – kỹ thuật và an toàn vận hành."],
            ["Bộ hồ sơ thiết kế và quy trình công nghệ.", "Mẫu máy hoặc hệ thống hoạt động ổn định.", "Phần mềm điều khiển và tài liệu hướng dẫn sử dụng."],
            ["Sản phẩm có thể chuyển giao cho doanh nghiệp trong tỉnh.", "Góp phần đẩy mạnh chuyển đổi số và công nghiệp hóa nông thôn."],
            ["chuyển đổi số", "tự động hóa", "tiết kiệm năng lượng", "Internet vạn vật"]),
        ['3'] = new(
            ["Gánh nặng bệnh tật liên quan đến {0} {1} đang gia tăng.", "Tuyến y tế cơ sở còn thiếu kỹ thuật và nhân lực chuyên sâu."],
            ["Ứng dụng thành công kỹ thuật mới cho {0}.", "Nâng cao chất lượng khám, chữa bệnh và giảm chuyển tuyến."],
            ["Nghiên cứu can thiệp có đối chứng trên bệnh nhân tại các bệnh viện trong tỉnh.", "Thu thập và phân tích số liệu lâm sàng, cận lâm sàng trong {2} tháng.", "Xây dựng quy trình kỹ thuật và đào tạo chuyển giao cho tuyến dưới."],
            ["Quy trình kỹ thuật được Hội đồng chuyên môn phê duyệt.", "Đào tạo bác sĩ và điều dưỡng thực hiện thành thạo kỹ thuật.", "Bài báo khoa học đăng trên tạp chí y học."],
            ["Người bệnh được điều trị ngay tại tỉnh, giảm chi phí.", "Kỹ thuật có thể nhân rộng tới các bệnh viện khu vực."],
            ["y tế cơ sở", "điều trị", "sức khỏe cộng đồng", "kỹ thuật mới"]),
        ['4'] = new(
            ["{0} là sản phẩm chủ lực {1} nhưng năng suất và chất lượng chưa ổn định.", "Người sản xuất còn thiếu giống tốt và quy trình kỹ thuật đồng bộ."],
            ["Xây dựng quy trình kỹ thuật và mô hình sản xuất {0} hiệu quả.", "Nâng cao thu nhập cho người dân từ 20–30% trên cùng diện tích."],
            ["Bố trí thí nghiệm đồng ruộng và mô hình trình diễn tại hộ nông dân.", "Theo dõi sinh trưởng, năng suất và hiệu quả kinh tế qua hai vụ trong {2} tháng.", "Tập huấn kỹ thuật và liên kết tiêu thụ với doanh nghiệp, hợp tác xã."],
            ["Quy trình kỹ thuật được công nhận tiến bộ kỹ thuật.", "Mô hình trình diễn quy mô 5–20 ha.", "Tập huấn cho 200 lượt nông dân."],
            ["Sản phẩm đạt tiêu chuẩn an toàn, có truy xuất nguồn gốc và tham gia chương trình OCOP.", "Mô hình được nhân rộng sau khi kết thúc nhiệm vụ."],
            ["nông nghiệp", "giống", "OCOP", "sản xuất an toàn"]),
        ['5'] = new(
            ["{0} {1} đặt ra nhiều vấn đề mới sau khi hợp nhất tỉnh.", "Thiếu cơ sở khoa học cho việc hoạch định chính sách về {0}."],
            ["Đánh giá thực trạng và nguyên nhân của các hạn chế trong {0}.", "Đề xuất giải pháp, chính sách phù hợp giai đoạn 2026–2030."],
            ["Điều tra xã hội học bằng bảng hỏi và phỏng vấn sâu.", "Phân tích tài liệu, thống kê và so sánh kinh nghiệm các tỉnh trong {2} tháng.", "Tổ chức hội thảo lấy ý kiến chuyên gia và nhà quản lý."],
            ["Báo cáo kiến nghị chính sách gửi Ủy ban nhân dân tỉnh.", "Bộ số liệu điều tra và sách chuyên khảo.", "Bài báo trên tạp chí khoa học xã hội."],
            ["Kết quả là căn cứ xây dựng nghị quyết, kế hoạch của tỉnh.", "Góp phần nâng cao hiệu quả quản lý nhà nước ở cơ sở."],
            ["chính sách", "quản lý nhà nước", "chuyển đổi số", "phát triển bền vững"]),
        ['6'] = new(
            ["Nhiều giá trị của {0} {1} đang có nguy cơ mai một.", "Tư liệu về {0} chưa được sưu tầm và số hóa đầy đủ."],
            ["Sưu tầm, nghiên cứu và hệ thống hóa giá trị của {0}.", "Đề xuất giải pháp bảo tồn gắn với phát triển du lịch."],
            ["Điền dã, ghi âm, ghi hình và phỏng vấn nghệ nhân.", "Nghiên cứu văn bản, đối chiếu tư liệu Hán Nôm và tài liệu lưu trữ trong {2} tháng.", "Số hóa tư liệu và xây dựng cơ sở dữ liệu."],
            ["Bộ tư liệu số hóa và sách chuyên khảo.", "Hồ sơ khoa học phục vụ công nhận di sản.", "Chương trình truyền dạy cho thế hệ trẻ."],
            ["Kết quả phục vụ giáo dục truyền thống và quảng bá hình ảnh Đất Tổ.", "Góp phần phát triển công nghiệp văn hóa của tỉnh."],
            ["di sản", "văn hóa", "bảo tồn", "du lịch"]),
    };
}
