namespace Registry.Api.Web.Localization;

/// <summary>The strings of the coverage report page and of the KPI on the statistics page, Vietnamese first.</summary>
public static class TR
{
    public static readonly UiString Title = new("Báo cáo công bố và truyền thông nhiệm vụ KH&CN", "Report on publishing and communicating S&T tasks");
    public static readonly UiString Intro = new(
        "Báo cáo sáu tháng theo cam kết đến năm 2030 mọi nhiệm vụ KH&CN sử dụng ngân sách nhà nước (trừ nhiệm vụ thuộc bí mật nhà nước) được công bố và truyền thông.",
        "The semi-annual report on the commitment that by 2030 every state-funded S&T task (except state secrets) is published and communicated.");
    public static readonly UiString Period = new("Kỳ báo cáo", "Reporting period");
    public static readonly UiString From = new("Từ ngày", "From");
    public static readonly UiString Through = new("đến hết ngày", "through");
    public static readonly UiString VietnamTime = new("giờ Việt Nam", "Vietnam time");
    public static readonly UiString AsOf = new("Số liệu tại thời điểm", "Figures as of");
    public static readonly UiString Provisional = new("Tạm tính: kỳ báo cáo chưa kết thúc, số liệu là số liệu hiện tại và sẽ còn thay đổi.",
        "Provisional: the period has not ended; the figures are as of now and will change.");
    public static readonly UiString PreviousPeriod = new("Kỳ trước", "Previous period");
    public static readonly UiString NextPeriod = new("Kỳ sau", "Next period");
    public static readonly UiString Periods = new("Chọn kỳ báo cáo", "Choose a period");
    public static readonly UiString DownloadXlsx = new("Tải .xlsx", "Download .xlsx");
    public static readonly UiString Json = new("Dữ liệu JSON", "JSON data");
    public static readonly UiString ByAgency = new("Theo cơ quan quản lý", "By managing agency");
    public static readonly UiString Agency = new("Cơ quan quản lý", "Managing agency");
    public static readonly UiString Registered = new("Đã đăng ký", "Registered");
    public static readonly UiString Published = new("Đã công bố", "Published");
    public static readonly UiString Communicated = new("Đã truyền thông", "Communicated");
    public static readonly UiString ShareCommunicated = new("Tỷ lệ truyền thông", "Share communicated");
    public static readonly UiString SharePublished = new("Tỷ lệ công bố", "Share published");
    public static readonly UiString Change = new("Thay đổi so với kỳ trước", "Change since the previous period");
    public static readonly UiString Total = new("Tổng cộng", "Total");
    public static readonly UiString NotCommunicated = new("Đã công bố nhưng chưa truyền thông", "Published but never communicated");
    public static readonly UiString NoResults = new("Đã xong nhưng chưa có kết quả", "Finished but no results");
    public static readonly UiString Code = new("Mã số", "Code");
    public static readonly UiString TaskTitle = new("Tên nhiệm vụ", "Title");
    public static readonly UiString Year = new("Năm", "Year");
    public static readonly UiString NoGaps = new("Không có nhiệm vụ nào.", "None.");
    public static readonly UiString TasksCount = new("nhiệm vụ", "tasks");
    public static readonly UiString FirstListed = new("Trang này liệt kê các nhiệm vụ đầu tiên theo mã số; danh sách đầy đủ", "This page lists the first tasks by code; the full list");
    public static readonly UiString Definitions = new("Định nghĩa", "Definitions");
    public static readonly UiString Limits = new("Giới hạn của số liệu", "Limits of the figures");
    public static readonly UiString NoData = new("Chưa có nhiệm vụ nào được đăng ký tại thời điểm này.", "No task was registered at that moment.");
    public static readonly UiString BadPeriod = new("Kỳ báo cáo không hợp lệ", "Invalid reporting period");
    public static readonly UiString Communication = new("Tiến độ truyền thông 100% theo cơ quan quản lý và năm", "Progress toward 100% communicated, by managing agency and year");
    public static readonly UiString CommunicationIntro = new(
        "Nhiệm vụ đã truyền thông là nhiệm vụ đã công bố có ít nhất một tin, bài hoặc hoạt động truyền thông; tỷ lệ tính trên số nhiệm vụ đã đăng ký.",
        "A communicated task is a published task with at least one coverage item; the share is of registered tasks.");
    public static readonly UiString Gaps = new("Danh sách còn thiếu", "Gap lists");
    public static readonly UiString SemiAnnualReport = new("Báo cáo sáu tháng", "Semi-annual report");
}
