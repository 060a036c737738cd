namespace Registry.Data.Demo;

/// <summary>Themes of fields 4–6: agricultural sciences, social sciences, humanities.</summary>
internal static partial class SectorThemes
{
    private static readonly SectorTheme[] Society =
    [
        new("401", ["tuyển chọn và nhân giống|selection and propagation of", "xây dựng quy trình thâm canh|intensive cultivation of", "phục tráng giống|restoration of"],
            ["chè Shan tuyết|Shan tuyet tea", "chè xanh chất lượng cao|premium green tea", "bưởi Đoan Hùng|Doan Hung pomelo", "lúa chất lượng cao|high-quality rice",
             "lúa nếp cái hoa vàng|yellow-flower glutinous rice", "nấm sò|oyster mushrooms", "nấm linh chi|lingzhi mushrooms", "cam Cao Phong|Cao Phong oranges",
             "su su Tam Đảo|Tam Dao chayote", "khoai sọ Thanh Sơn|Thanh Son taro", "chuối tiêu hồng|pink Cavendish bananas"]),
        new("402", ["nhân giống và phát triển chăn nuôi|breeding and husbandry of", "xây dựng mô hình chăn nuôi an toàn sinh học|biosecure farming of"],
            ["gà Mía|Mia chickens", "gà Lạc Thủy|Lac Thuy chickens", "lợn bản Mường|Muong native pigs", "bò sữa Vĩnh Phúc|Vinh Phuc dairy cattle", "ong mật|honey bees", "dê núi|mountain goats"]),
        new("403", ["nghiên cứu biện pháp phòng, trị|prevention and treatment of", "xây dựng vùng an toàn dịch bệnh|disease-free zones for"],
            ["bệnh dịch tả lợn châu Phi|African swine fever", "bệnh cúm gia cầm|avian influenza", "bệnh ký sinh trùng ở trâu bò|parasitic diseases of cattle"]),
        new("404", ["phát triển rừng trồng gỗ lớn|large-timber plantations of", "xây dựng mô hình trồng|plantation models for"],
            ["keo lai|hybrid acacia", "quế|cinnamon", "bạch đàn|eucalyptus", "tre luồng|bamboo", "lát hoa|Chukrasia", "sơn ta cho nghề sơn mù|lacquer trees for lacquerware"]),
        new("405", ["phát triển nuôi|farming of", "xây dựng mô hình nuôi cá lồng|cage culture of"],
            ["cá lăng trên hồ Thác Bà|Hemibagrus in Thac Ba lake", "cá chiên sông Đà|Bagarius on the Da river", "cá rô đầu vuông|square-head climbing perch", "tôm càng xanh|giant freshwater prawns", "thủy sản hồ Hòa Bình|fisheries of Hoa Binh lake"]),
        new("406", ["ứng dụng công nghệ sinh học trong nhân giống|biotechnology for propagating", "nuôi cấy mô|tissue culture of"],
            ["chè|tea", "bưởi Đoan Hùng sạch bệnh|disease-free Doan Hung pomelo", "lan kim tuyến|jewel orchids", "nấm đông trùng hạ thảo|Cordyceps mushrooms", "khoai môn|taro"]),
        new("499", ["xây dựng mô hình liên kết sản xuất|production linkages for", "phát triển chuỗi giá trị|value chains of"],
            ["nông sản hữu cơ|organic produce", "sản phẩm OCOP|OCOP products", "chè và bưởi|tea and pomelo", "nông nghiệp công nghệ cao|high-tech agriculture"]),

        new("501", ["nghiên cứu tâm lý|psychology of", "xây dựng mô hình hỗ trợ tâm lý cho|psychological support for"],
            ["học sinh trung học|secondary-school students", "người lao động khu công nghiệp|industrial-park workers", "người cao tuổi nông thôn|rural elderly people"]),
        new("502", ["giải pháp phát triển|development of", "đánh giá tác động và giải pháp cho|impact and policy for"],
            ["du lịch Đền Hùng|Hung Temple tourism", "kinh tế tập thể|cooperatives", "doanh nghiệp nhỏ và vừa|small and medium enterprises", "khu công nghiệp Vĩnh Phúc|Vinh Phuc industrial parks",
             "kinh tế số|the digital economy", "du lịch cộng đồng Mai Châu|community tourism in Mai Chau"]),
        new("503", ["đổi mới|innovation in", "ứng dụng chuyển đổi số trong|digital transformation of"],
            ["giáo dục vùng dân tộc thiểu số|ethnic-minority education", "dạy học STEM ở trung học cơ sở|STEM teaching in lower secondary schools", "giáo dục nghề nghiệp|vocational education",
             "dạy tiếng Việt cho học sinh người Mường|Vietnamese teaching for Muong pupils"]),
        new("504", ["nghiên cứu biến đổi|changes in", "giải pháp nâng cao chất lượng|quality of"],
            ["đời sống cộng đồng người Dao|Dao community life", "lao động nông thôn di cư|rural labour migration", "an sinh xã hội|social security", "gia đình nông thôn|rural families"]),
        new("505", ["nâng cao hiệu quả thực thi|enforcement of", "nghiên cứu cơ sở pháp lý cho|legal basis for"],
            ["pháp luật về đất đai|land law", "hòa giải ở cơ sở|grassroots mediation", "bảo vệ dữ liệu cá nhân|personal data protection", "chính quyền địa phương hai cấp|two-tier local government"]),
        new("506", ["nâng cao năng lực|capacity of", "nghiên cứu giải pháp đổi mới|reform of"],
            ["hệ thống chính trị cấp xã|commune political systems", "công tác dân vận|mass mobilisation", "đội ngũ cán bộ sau hợp nhất tỉnh|civil servants after the provincial merger"]),
        new("507", ["quy hoạch và phát triển|planning and development of", "đánh giá không gian|spatial assessment of"],
            ["đô thị Việt Trì – Vĩnh Yên|the Viet Tri – Vinh Yen urban area", "vùng chè Thanh Sơn|the Thanh Son tea area", "hành lang kinh tế sông Hồng|the Red River economic corridor"]),
        new("508", ["nâng cao hiệu quả|effectiveness of", "ứng dụng chuyển đổi số trong|digital transformation of"],
            ["truyền thông chính sách|policy communication", "báo chí địa phương|local press", "thông tin cơ sở|grassroots information", "truyền thông về an toàn thông tin|information-security awareness"]),
        new("599", ["nghiên cứu giải pháp|solutions for", "xây dựng bộ chỉ số|indicators for"],
            ["hạnh phúc của người dân|residents' well-being", "năng lực cạnh tranh cấp tỉnh|provincial competitiveness", "đổi mới sáng tạo cấp tỉnh|provincial innovation"]),

        new("601", ["nghiên cứu, sưu tầm và phục dựng|research and restoration of", "khảo cổ học|archaeology of"],
            ["di tích Đền Hùng|the Hung Temple relics", "văn hóa Phùng Nguyên|Phung Nguyen culture", "di chỉ Xóm Trại|the Xom Trai site", "lịch sử Đảng bộ tỉnh Phú Thọ|the provincial Party history"]),
        new("602", ["sưu tầm, biên soạn|collection and compilation of", "bảo tồn|preservation of"],
            ["hát Xoan Phú Thọ|Xoan singing", "mo Mường|Muong epic Mo", "ca dao, tục ngữ vùng Đất Tổ|folk verses of the Ancestral Land", "chữ Dao cổ|old Dao script"]),
        new("603", ["nghiên cứu giá trị|values of", "bảo tồn và phát huy|preservation and promotion of"],
            ["tín ngưỡng thờ cúng Hùng Vương|Hung King worship", "lễ hội truyền thống|traditional festivals", "đạo đức nghề nghiệp|professional ethics"]),
        new("604", ["bảo tồn và phát triển|preservation and development of", "phục hồi|revival of"],
            ["nghề sơn mù|lacquer craft", "nghề dệt thổ cẩm Mường|Muong brocade weaving", "gốm Phù Ninh|Phu Ninh pottery", "nghề dệt lụa|silk weaving", "nghệ thuật cồng chiêng Mường|Muong gong music"]),
        new("699", ["xây dựng cơ sở dữ liệu|a database of", "nghiên cứu giá trị|values of"],
            ["di sản văn hóa phi vật thể|intangible heritage", "địa danh sau sáp nhập tỉnh|place names after the provincial merger", "văn hóa ẩm thực Mường|Muong cuisine"]),
    ];

    /// <summary>Every sector's theme, by sector code.</summary>
    public static readonly IReadOnlyDictionary<string, SectorTheme> BySector =
        Sciences.Concat(Society).ToDictionary(t => t.Sector);
}
