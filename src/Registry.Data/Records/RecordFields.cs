namespace Registry.Data.Records;

/// <summary>
/// The fields of record v1 (<see cref="TaskRecord"/>), each declared once. The validator, the spreadsheet import,
/// the CSV export, the web pages and the schema descriptions read these declarations; a test fails when a property
/// of the record has none. The fields of nested objects are in <see cref="OrganizationFields"/>,
/// <see cref="PersonFields"/>, <see cref="ApprovalDecisionFields"/>, <see cref="BudgetFields"/>,
/// <see cref="AcceptanceFields"/>, <see cref="ResultRegistrationFields"/> and <see cref="OutputFields"/>.
/// </summary>
public static class RecordFields
{
    public static readonly RecordField Id = new()
    {
        Name = "id", Label = new("Mã công khai", "Public id"), Note = new("không đổi, dùng để dẫn link", "stable, use it to link"), Access = FieldAccess.ReadOnly,
        Columns = [Cells.ExportOnly("Mã công khai", "id", "the registry's public id; ignored on import", r => r.Id)],
    };

    public static readonly RecordField Code = new()
    {
        Name = "code", Label = new("Mã số", "Code"), Note = new("duy nhất, ví dụ ĐT-2024-40101-PT", "unique, e.g. ĐT-2024-40101-PT"), Required = true, MaxLength = TextLimits.Code,
        Columns = [Cells.Text("Mã số", "code", "ĐT-2024-40101-PT", r => r.Code, (r, v) => r with { Code = v }, "text, unique")],
    };

    public static readonly RecordField Title = new()
    {
        Name = "title", Label = new("Tên nhiệm vụ", "Title"), Required = true, MaxLength = TextLimits.Title,
        Columns = [Cells.Text("Tên nhiệm vụ", "title", "Nghiên cứu chọn tạo giống chè mới …", r => r.Title, (r, v) => r with { Title = v })],
    };

    public static readonly RecordField TitleEn = new()
    {
        Name = "titleEn", Label = new("Tên tiếng Anh", "English title"), MaxLength = TextLimits.Title,
        Columns = [Cells.Text("Tên tiếng Anh", "titleEn", "Breeding new tea cultivars …", r => r.TitleEn, (r, v) => r with { TitleEn = v })],
    };

    public static readonly RecordField Kind = new()
    {
        Name = "kind", Label = new("Loại nhiệm vụ", "Kind"), Required = true,
        Columns = [Cells.Choice<TaskKind>("Loại nhiệm vụ", "kind", "Đề tài", r => r.Kind, (r, v) => r with { Kind = v })],
    };

    public static readonly RecordField Level = new()
    {
        Name = "level", Label = new("Cấp quản lý", "Level"), Required = true,
        Columns = [Cells.Choice<TaskLevel>("Cấp quản lý", "level", "Cấp tỉnh", r => r.Level, (r, v) => r with { Level = v })],
    };

    public static readonly RecordField Fields = new()
    {
        Name = "fields", Label = new("Lĩnh vực", "Field of science"), Note = new("mã lĩnh vực KH&CN theo Thông tư 24/2025/TT-BKHCN", "codes of the field-of-science classification"), Required = true,
        MaxItems = TextLimits.Fields, MaxLength = TextLimits.FieldCode,
        Columns = [Cells.FieldCodes("Lĩnh vực", "fields", "40101; 406", r => r.Fields, (r, v) => r with { Fields = v })],
    };

    public static readonly RecordField Keywords = new()
    {
        Name = "keywords", Label = new("Từ khóa", "Keywords"), MaxItems = TextLimits.Keywords, MaxLength = TextLimits.Keyword,
        Columns = [Cells.List("Từ khóa", "keywords", "chè; giống mới", r => r.Keywords, (r, v) => r with { Keywords = v })],
    };

    public static readonly RecordField Status = new()
    {
        Name = "status", Label = new("Tình trạng", "Status"), Required = true,
        Columns = [Cells.Choice<TaskStatus>("Tình trạng", "status", "Đang thực hiện", r => r.Status, (r, v) => r with { Status = v })],
    };

    public static readonly RecordField SecurityClassification = new()
    {
        Name = "securityClassification", Label = new("Độ mật", "Security classification"), Access = FieldAccess.InputOnly,
        Columns = [Cells.Choice<SecurityClassification>("Độ mật", "securityClassification", "Không",
            r => r.SecurityClassification, (r, v) => r with { SecurityClassification = v }, ColumnUse.ImportOnly)],
    };

    public static readonly RecordField ManagingAgency = new()
    {
        Name = "managingAgency", Label = new("Cơ quan quản lý", "Managing agency"), MaxLength = TextLimits.ShortText,
        Columns = [Cells.Text("Cơ quan quản lý", "managingAgency", "Sở Khoa học và Công nghệ tỉnh Phú Thọ",
            r => r.ManagingAgency, (r, v) => r with { ManagingAgency = v })],
    };

    public static readonly RecordField Funder = new()
    {
        Name = "funder", Label = new("Đơn vị cấp kinh phí", "Funder"), Parts = FunderFields.All,
    };

    public static readonly RecordField HostOrganization = new()
    {
        Name = "hostOrganization", Label = new("Tổ chức chủ trì", "Host organization"), Required = true, Parts = OrganizationFields.All,
    };

    public static readonly RecordField PrincipalInvestigator = new()
    {
        Name = "principalInvestigator", Label = new("Chủ nhiệm", "Principal investigator"), Parts = PersonFields.All,
        Columns =
        [
            Cells.Person("Chủ nhiệm", "principalInvestigator", "PGS.TS. Nguyễn Văn An",
                r => r.PrincipalInvestigator, (r, p) => r with { PrincipalInvestigator = p }),
            Cells.ImportOnly(Cells.Text("Học hàm, học vị chủ nhiệm", "principalInvestigatorTitle", "PGS.TS.",
                r => r.PrincipalInvestigator?.AcademicTitle,
                (r, v) => r with { PrincipalInvestigator = (r.PrincipalInvestigator ?? new PersonRecord()) with { AcademicTitle = v } })),
            Cells.ImportOnly(Cells.Text("ORCID chủ nhiệm", "principalInvestigatorOrcid", "0000-0002-1825-0097",
                r => r.PrincipalInvestigator?.Orcid,
                (r, v) => r with { PrincipalInvestigator = (r.PrincipalInvestigator ?? new PersonRecord()) with { Orcid = v } },
                "ORCID iD, bare or https://orcid.org/…; also accepted in brackets after the name")),
        ],
    };

    public static readonly RecordField Members = new()
    {
        Name = "members", Label = new("Thành viên", "Members"), MaxItems = TextLimits.Members, Parts = PersonFields.All,
        Columns = [Cells.People("Thành viên", "members", "TS. Trần Thị Bình; ThS. Lê Văn Cường (thư ký)", r => r.Members, (r, v) => r with { Members = v })],
    };

    public static readonly RecordField StartDate = new()
    {
        Name = "startDate", Label = new("Ngày bắt đầu", "Start date"), Note = new("theo kế hoạch", "planned"),
        Columns = [Cells.Date("Ngày bắt đầu", "startDate", "15/03/2024", r => r.StartDate, (r, d) => r with { StartDate = d })],
    };

    public static readonly RecordField EndDate = new()
    {
        Name = "endDate", Label = new("Ngày kết thúc", "End date"), Note = new("theo kế hoạch", "planned"),
        Columns = [Cells.Date("Ngày kết thúc", "endDate", "12/2026", r => r.EndDate, (r, d) => r with { EndDate = d })],
    };

    public static readonly RecordField ApprovalDecision = new()
    {
        Name = "approvalDecision", Label = new("Quyết định phê duyệt", "Approval decision"), Parts = ApprovalDecisionFields.All,
    };

    public static readonly RecordField Budget = new() { Name = "budget", Label = new("Kinh phí", "Budget"), Parts = BudgetFields.All };

    public static readonly RecordField Summary = LongText("summary", new("Tóm tắt", "Summary"), r => r.Summary, (r, v) => r with { Summary = v });
    public static readonly RecordField PlainSummary = new()
    {
        Name = "plainSummary", Label = new("Tóm tắt phổ thông", "Plain-language summary"),
        Note = new("vài câu người không chuyên đọc hiểu được", "a few sentences a reader outside the field understands"),
        MaxLength = TextLimits.PlainSummary,
        Columns = [Cells.Text("Tóm tắt phổ thông", "plainSummary", "Giống chè mới cho búp nhiều hơn, chịu hạn tốt hơn …",
            r => r.PlainSummary, (r, v) => r with { PlainSummary = v }, "text, a few plain sentences")],
    };

    public static readonly RecordField Objectives = LongText("objectives", new("Mục tiêu", "Objectives"), r => r.Objectives, (r, v) => r with { Objectives = v });
    public static readonly RecordField Methods = LongText("methods", new("Phương pháp", "Methods"), r => r.Methods, (r, v) => r with { Methods = v });
    public static readonly RecordField ExpectedResults = LongText("expectedResults", new("Kết quả dự kiến", "Expected results"),
        r => r.ExpectedResults, (r, v) => r with { ExpectedResults = v });

    public static readonly RecordField Acceptance = new()
    {
        Name = "acceptance", Label = new("Nghiệm thu", "Acceptance"), Parts = AcceptanceFields.All,
    };

    public static readonly RecordField ResultRegistration = new()
    {
        Name = "resultRegistration", Label = new("Đăng ký kết quả", "Results registration"), Parts = ResultRegistrationFields.All,
    };

    public static readonly RecordField Results = LongText("results", new("Kết quả", "Results"), r => r.Results, (r, v) => r with { Results = v });
    public static readonly RecordField ApplicationPotential = LongText("applicationPotential", new("Khả năng ứng dụng", "Application potential"),
        r => r.ApplicationPotential, (r, v) => r with { ApplicationPotential = v });

    /// <summary>Outputs are imported through JSON Lines only; the spreadsheet columns summarise them for readers.</summary>
    public static readonly RecordField Outputs = new()
    {
        Name = "outputs", Label = new("Sản phẩm", "Outputs"), MaxItems = TextLimits.Outputs, Parts = OutputFields.All,
        Columns =
        [
            Cells.ExportOnly("Sản phẩm", "outputs", "output titles separated by ';'; ignored on import (outputs come through JSON Lines)",
                r => Cells.Join(r.Outputs?.Select(o => o?.Title))),
            Cells.ExportOnly("Có thể chuyển giao", "transferable", "Có or Không: whether any output is transferable; ignored on import",
                r => r.Outputs?.Any(o => o?.Transferable == true) == true ? "Có" : "Không"),
        ],
    };

    /// <summary>Media coverage: where and when the task was communicated.</summary>
    public static readonly RecordField Coverage = new()
    {
        Name = "coverage", Label = new("Truyền thông", "Media coverage"), MaxItems = TextLimits.Coverage, Parts = CoverageFields.All,
        Note = new("bài báo, phóng sự, tin đăng, sự kiện đã giới thiệu nhiệm vụ", "articles, broadcasts, posts and events that communicated the task"),
        Columns = [CoverageCell.Column("Truyền thông", "coverage",
            "12/03/2025 | Báo chí | Báo Phú Thọ | https://baophutho.vn/… | Giống chè mới cho năng suất cao")],
    };

    public static readonly RecordField Visibility = new()
    {
        Name = "visibility", Label = new("Trạng thái công bố", "Visibility"),
        Columns = [Cells.Choice<Visibility>("Trạng thái công bố", "visibility", "Công bố", r => r.Visibility, (r, v) => r with { Visibility = v }, ColumnUse.ImportOnly)],
    };

    public static readonly RecordField CreatedAt = new()
    {
        Name = "createdAt", Label = new("Thời điểm tạo", "Created"), Access = FieldAccess.ReadOnly,
    };

    public static readonly RecordField PublishedAt = new()
    {
        Name = "publishedAt", Label = new("Công bố", "Published"), Access = FieldAccess.ReadOnly,
        Columns = [Cells.ExportOnly("Ngày công bố", "publishedAt", "first publication, ISO 8601; ignored on import", r => Cells.Instant(r.PublishedAt))],
    };

    public static readonly RecordField UpdatedAt = new()
    {
        Name = "updatedAt", Label = new("Cập nhật", "Updated"), Access = FieldAccess.ReadOnly,
        Columns = [Cells.ExportOnly("Ngày cập nhật", "updatedAt", "last change, ISO 8601; ignored on import", r => Cells.Instant(r.UpdatedAt))],
    };

    /// <summary>Every field of the record, in the order of the CSV export's columns.</summary>
    public static readonly IReadOnlyList<RecordField> All =
    [
        Id, Code, Title, TitleEn, Kind, Level, Fields, Keywords, Status, SecurityClassification, ManagingAgency, Funder, HostOrganization,
        PrincipalInvestigator, Members, StartDate, EndDate, ApprovalDecision, Budget, Summary, PlainSummary, Objectives, Methods, ExpectedResults,
        Acceptance, ResultRegistration, Results, ApplicationPotential, Outputs, Coverage, Visibility, CreatedAt, PublishedAt, UpdatedAt,
    ];

    /// <summary>Every spreadsheet column, nested fields' where their parent stands; the export writes the exported ones in this order.</summary>
    public static readonly IReadOnlyList<RecordColumn> Columns = [.. All.SelectMany(ColumnsOf)];

    private static IEnumerable<RecordColumn> ColumnsOf(RecordField field) => field.Columns.Concat(field.Parts.SelectMany(ColumnsOf));

    private static RecordField LongText(string name, Label label, Func<TaskRecord, string?> get, Func<TaskRecord, string, TaskRecord> set) => new()
    {
        Name = name, Label = label, MaxLength = TextLimits.LongText,
        Columns = [Cells.Text(label.Vi, name, "free text", get, set, "text (may span lines inside quotes)")],
    };
}
