using Registry.Data.Records;
using Registry.Data.Reference;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.Web.Localization;

/// <summary>One interface string in Vietnamese and English.</summary>
public sealed record UiString(string Vi, string En)
{
    public string In(WebLanguage language) => language == WebLanguage.En ? En : Vi;

    public static UiString From(Label label) => new(label.Vi, label.En);
}

/// <summary>The pages' resource table: every visible interface string, Vietnamese first.</summary>
public static class T
{
    public static readonly UiString SiteName = new("Cơ sở dữ liệu nhiệm vụ KH&CN tỉnh Phú Thọ", "Phú Thọ S&T task registry");
    public static readonly UiString SiteTagline = new("Nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước, công khai và tái sử dụng tự do.",
        "State-funded science and technology tasks, open for anyone to reuse.");
    public static readonly UiString SkipToContent = new("Bỏ qua, đến nội dung chính", "Skip to main content");
    public static readonly UiString MainNav = new("Điều hướng chính", "Main navigation");
    public static readonly UiString NavHome = new("Trang chủ", "Home");
    public static readonly UiString NavTasks = new("Nhiệm vụ", "Tasks");
    public static readonly UiString NavStats = new("Thống kê", "Statistics");
    public static readonly UiString NavApi = new("API", "API");
    public static readonly UiString LanguageSwitch = new("Ngôn ngữ", "Language");
    public static readonly UiString FooterLicence = new("Dữ liệu mở theo Nghị định 47/2020/NĐ-CP: tự do tái sử dụng, ghi rõ nguồn.",
        "Open data under Decree 47/2020: free to reuse with attribution.");
    public static readonly UiString FooterPublisher = new("Sở Khoa học và Công nghệ tỉnh Phú Thọ", "Phú Thọ Department of Science and Technology");

    public static readonly UiString SearchLabel = new("Tìm nhiệm vụ", "Search tasks");
    public static readonly UiString SearchPlaceholder = new("ví dụ: chuyển đổi số, giống chè, lúa", "e.g. digital transformation, tea, rice");
    public static readonly UiString SearchButton = new("Tìm kiếm", "Search");
    public static readonly UiString SearchHint = new("Gõ có dấu hoặc không dấu đều được.", "With or without Vietnamese diacritics.");
    public static readonly UiString BrowseByField = new("Theo lĩnh vực khoa học", "By field of science");
    public static readonly UiString BrowseByLevel = new("Theo cấp quản lý", "By level");
    public static readonly UiString BrowseByStatus = new("Theo tình trạng", "By status");
    public static readonly UiString LatestTasks = new("Nhiệm vụ mới công bố", "Latest published tasks");
    public static readonly UiString KeyFigures = new("Số liệu chính", "Key figures");
    public static readonly UiString PublishedTasks = new("nhiệm vụ đã công bố", "published tasks");
    public static readonly UiString TransferableTasks = new("nhiệm vụ có kết quả chuyển giao được", "tasks with transferable results");
    public static readonly UiString HostOrganizations = new("tổ chức chủ trì", "host organizations");
    public static readonly UiString TotalFunding = new("tổng kinh phí các nhiệm vụ", "total budget of the tasks");
    public static readonly UiString AllStats = new("Xem toàn bộ thống kê", "See all statistics");

    public static readonly UiString ResultsTitle = new("Kết quả tìm kiếm", "Search results");
    public static readonly UiString AllTasksTitle = new("Tất cả nhiệm vụ", "All tasks");
    public static readonly UiString ResultsCount = new("{0} nhiệm vụ", "{0} tasks");
    public static readonly UiString ResultsFor = new("cho “{0}”", "for “{0}”");
    public static readonly UiString RelaxedResults = new("Không nhiệm vụ nào chứa đủ các từ bạn tìm; đây là các nhiệm vụ chứa một phần.",
        "No task holds every word you searched for; these hold some of them.");
    public static readonly UiString DidYouMean = new("Tìm với dấu:", "Search with diacritics:");
    public static readonly UiString NoResults = new("Không tìm thấy nhiệm vụ nào. Hãy thử từ khác hoặc bỏ bớt bộ lọc.",
        "No task matches. Try other words or remove a filter.");
    public static readonly UiString Filters = new("Bộ lọc", "Filters");
    public static readonly UiString ActiveFilters = new("Đang lọc", "Active filters");
    public static readonly UiString RemoveFilter = new("Bỏ lọc", "Remove filter");
    public static readonly UiString ClearFilters = new("Bỏ tất cả bộ lọc", "Clear all filters");
    public static readonly UiString SortLabel = new("Sắp xếp", "Sort by");
    public static readonly UiString SortApply = new("Áp dụng", "Apply");
    public static readonly UiString SortRelevance = new("Phù hợp nhất", "Best match");
    public static readonly UiString SortNewest = new("Mới nhất", "Newest");
    public static readonly UiString SortOldest = new("Cũ nhất", "Oldest");
    public static readonly UiString SortBudget = new("Kinh phí lớn nhất", "Largest budget");
    public static readonly UiString SortEndDate = new("Sắp kết thúc muộn nhất", "Latest end date");
    public static readonly UiString NextPage = new("Trang sau", "Next page");
    public static readonly UiString FirstPage = new("Về trang đầu", "First page");
    public static readonly UiString Pagination = new("Phân trang", "Pagination");
    public static readonly UiString BadRequest = new("Yêu cầu chưa hợp lệ", "The request needs fixing");
    public static readonly UiString Transferable = Field(OutputFields.Transferable);
    public static readonly UiString TransferableOnly = new("Chỉ nhiệm vụ có kết quả chuyển giao được", "Only tasks with transferable results");

    public static readonly UiString FacetField = Field(RecordFields.Fields);
    public static readonly UiString FacetSector = new("Ngành", "Sector");
    public static readonly UiString FacetLevel = Field(RecordFields.Level);
    public static readonly UiString FacetKind = Field(RecordFields.Kind);
    public static readonly UiString FacetStatus = Field(RecordFields.Status);
    public static readonly UiString FacetYear = new("Năm bắt đầu", "Start year");
    public static readonly UiString FacetOrganization = Field(RecordFields.HostOrganization);

    public static readonly UiString Code = Field(RecordFields.Code);
    public static readonly UiString TitleEn = Field(RecordFields.TitleEn);
    public static readonly UiString Keywords = Field(RecordFields.Keywords);
    public static readonly UiString ManagingAgency = Field(RecordFields.ManagingAgency);
    public static readonly UiString Period = new("Thời gian thực hiện", "Period");
    public static readonly UiString ApprovalDecision = Field(RecordFields.ApprovalDecision);
    public static readonly UiString Budget = Field(RecordFields.Budget);
    public static readonly UiString BudgetTotal = Field(BudgetFields.TotalVnd);
    public static readonly UiString BudgetState = Field(BudgetFields.StateBudgetVnd);
    public static readonly UiString Summary = Field(RecordFields.Summary);
    /// <summary>The heading of the plain-language lead on a task page (the record field's label is "Plain-language summary").</summary>
    public static readonly UiString PlainSummary = new("Tóm tắt phổ thông", "In plain words");
    public static readonly UiString Objectives = Field(RecordFields.Objectives);
    public static readonly UiString Methods = Field(RecordFields.Methods);
    public static readonly UiString ExpectedResults = Field(RecordFields.ExpectedResults);
    public static readonly UiString Acceptance = Field(RecordFields.Acceptance);
    public static readonly UiString ResultRegistration = Field(RecordFields.ResultRegistration);
    public static readonly UiString Results = Field(RecordFields.Results);
    public static readonly UiString ApplicationPotential = Field(RecordFields.ApplicationPotential);
    public static readonly UiString Outputs = Field(RecordFields.Outputs);
    public static readonly UiString Investigators = new("Nhóm thực hiện", "Investigators");
    public static readonly UiString PrincipalInvestigator = Field(RecordFields.PrincipalInvestigator);
    public static readonly UiString Member = new("Thành viên", "Member");
    public static readonly UiString Funder = Field(RecordFields.Funder);
    public static readonly UiString Related = new("Nhiệm vụ liên quan", "Related tasks");
    public static readonly UiString Share = new("Chia sẻ", "Share");
    public static readonly UiString Embed = new("Nhúng vào trang khác", "Embed on another site");
    public static readonly UiString EmbedHelp = new("Sao chép đoạn mã này vào trang của bạn, hoặc dùng oEmbed:", "Copy this snippet into your page, or use oEmbed:");
    public static readonly UiString Published = Field(RecordFields.PublishedAt);
    public static readonly UiString Updated = Field(RecordFields.UpdatedAt);
    public static readonly UiString Identifier = Field(OutputFields.Identifier);
    public static readonly UiString Details = new("Thông tin chung", "Overview");
    public static readonly UiString Content = new("Nội dung", "Content");
    public static readonly UiString ApiJson = new("Bản ghi JSON (API)", "JSON record (API)");
    public static readonly UiString Certificate = Field(ResultRegistrationFields.CertificateNumber);

    public static readonly UiString OrgTasks = new("Nhiệm vụ chủ trì", "Tasks hosted");
    public static readonly UiString Province = Field(OrganizationFields.Province);
    public static readonly UiString Commune = Field(OrganizationFields.Commune);
    public static readonly UiString OrgType = Field(OrganizationFields.Type);
    public static readonly UiString SeeAllTasks = new("Xem tất cả nhiệm vụ của tổ chức", "See all tasks of this organization");

    public static readonly UiString StatsTitle = new("Thống kê", "Statistics");
    public static readonly UiString StatsIntro = new("Số liệu về các nhiệm vụ đã công bố, tính từ cơ sở dữ liệu tại thời điểm xem.",
        "Figures on published tasks, computed from the registry when you view this page.");
    public static readonly UiString TasksByYear = new("Số nhiệm vụ theo năm bắt đầu", "Tasks by start year");
    public static readonly UiString BudgetByYear = new("Kinh phí theo năm bắt đầu", "Budget by start year");
    public static readonly UiString TasksByField = new("Số nhiệm vụ theo lĩnh vực", "Tasks by field of science");
    public static readonly UiString BudgetByField = new("Kinh phí theo lĩnh vực", "Budget by field of science");
    public static readonly UiString Coverage = new("Tiến độ công bố 100% theo cơ quan quản lý", "Progress toward 100% published, by managing agency");
    public static readonly UiString CoverageIntro = new("Tỷ lệ nhiệm vụ đã công bố trên tổng số nhiệm vụ trong cơ sở dữ liệu (không gồm nhiệm vụ đã rút).",
        "Share of tasks published out of all tasks held by the registry (withdrawn tasks excluded).");
    public static readonly UiString ByYear = new("Theo năm bắt đầu", "By start year");
    public static readonly UiString CoverageTotal = new("Toàn bộ cơ sở dữ liệu", "Whole registry");
    public static readonly UiString NextReport = new("Kỳ báo cáo tiếp theo", "Next reporting deadline");
    public static readonly UiString ChartData = new("Số liệu của biểu đồ", "Chart data");
    public static readonly UiString Unknown = new("Không rõ", "Unknown");
    public static readonly UiString Count = new("Số lượng", "Count");

    public static readonly UiString FollowResults = new("Theo dõi các kết quả này (Atom, RSS)", "Follow these results (Atom, RSS)");
    public static readonly UiString FeedTitle = new("Nhiệm vụ KH&CN mới cập nhật", "Recently updated S&T tasks");

    public static readonly UiString NotFoundTitle = new("Không tìm thấy trang", "Page not found");
    public static readonly UiString NotFoundBody = new("Không có nhiệm vụ hoặc trang nào ở địa chỉ này.", "There is no task or page at this address.");
    public static readonly UiString GoneTitle = new("Nhiệm vụ đã bị rút", "Task withdrawn");
    public static readonly UiString GoneBody = new("Nhiệm vụ này đã bị rút khỏi cơ sở dữ liệu công khai.", "This task was withdrawn from the public registry.");
    public static readonly UiString WithdrawnAt = new("Ngày rút", "Withdrawn on");
    public static readonly UiString WithdrawalReason = new("Lý do", "Reason");
    public static readonly UiString BackToSearch = new("Quay lại tìm kiếm", "Back to search");

    /// <summary>A record field's label, from its declaration (<see cref="RecordFields"/>), so every surface names it alike.</summary>
    private static UiString Field(RecordField field) => UiString.From(field.Label);

    public static string FieldName(FieldOfScience field, WebLanguage language) => language == WebLanguage.En ? field.NameEn : field.NameVi;

    public static string FieldName(string code, WebLanguage language) =>
        FieldsOfScience.Nearest(code) is { } f ? FieldName(f, language) : code;
}
