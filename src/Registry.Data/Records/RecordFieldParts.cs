namespace Registry.Data.Records;

/// <summary>The fields of <see cref="OrganizationRef"/> (<c>hostOrganization</c>).</summary>
public static class OrganizationFields
{
    public static readonly RecordField Id = new() { Name = "id", Label = new("Mã công khai", "Public id"), Access = FieldAccess.ReadOnly };

    public static readonly RecordField Name = new()
    {
        Name = "name", Label = new("Tên tổ chức chủ trì", "Host organization name"), Required = true, MaxLength = TextLimits.ShortText,
        Columns = [Cells.Text("Tổ chức chủ trì", "hostOrganization", "Trường Đại học Hùng Vương",
            r => r.HostOrganization?.Name, (r, v) => r with { HostOrganization = Of(r) with { Name = v } })],
    };

    public static readonly RecordField Type = new()
    {
        Name = "type", Label = new("Loại tổ chức", "Organization type"),
        Columns = [Cells.Choice<OrganizationType>("Loại tổ chức", "hostOrganizationType", "Trường đại học",
            r => r.HostOrganization?.Type, (r, v) => r with { HostOrganization = Of(r) with { Type = v } })],
    };

    public static readonly RecordField Province = new()
    {
        Name = "province", Label = new("Tỉnh", "Province"), MaxLength = TextLimits.Place,
        Columns = [Cells.Text("Tỉnh/Thành phố", "province", "Phú Thọ",
            r => r.HostOrganization?.Province, (r, v) => r with { HostOrganization = Of(r) with { Province = v } })],
    };

    public static readonly RecordField Commune = new()
    {
        Name = "commune", Label = new("Xã/phường", "Commune"), MaxLength = TextLimits.Place,
        Columns = [Cells.Text("Xã/Phường", "commune", "Phường Việt Trì",
            r => r.HostOrganization?.Commune, (r, v) => r with { HostOrganization = Of(r) with { Commune = v } })],
    };

    public static readonly RecordField Ror = new()
    {
        Name = "ror", Label = new("Mã ROR", "ROR id"), Note = new("định danh tổ chức ror.org, lưu dạng https://ror.org/0xxxxxxNN", "ror.org organization id, stored as https://ror.org/0xxxxxxNN"),
        MaxLength = TextLimits.PersistentId,
        Columns = [Cells.Text("Mã ROR tổ chức chủ trì", "hostOrganizationRor", "https://ror.org/05dxps055",
            r => r.HostOrganization?.Ror, (r, v) => r with { HostOrganization = Of(r) with { Ror = v } }, "ROR id, bare (05dxps055) or https://ror.org/…")],
    };

    public static readonly IReadOnlyList<RecordField> All = [Id, Name, Type, Province, Commune, Ror];

    private static OrganizationRef Of(TaskRecord r) => r.HostOrganization ?? new OrganizationRef();
}

/// <summary>The fields of <see cref="PersonRecord"/> (<c>principalInvestigator</c>, <c>members[]</c>).</summary>
public static class PersonFields
{
    public static readonly RecordField Name = new() { Name = "name", Label = new("Họ tên", "Name"), Required = true, MaxLength = TextLimits.PersonName };
    public static readonly RecordField AcademicTitle = new()
    {
        Name = "academicTitle", Label = new("Học hàm, học vị", "Academic title"), Note = new("ví dụ GS.TS., PGS.TS., TS., ThS.", "e.g. GS.TS., PGS.TS., TS., ThS."), MaxLength = TextLimits.AcademicTitle,
    };
    public static readonly RecordField Role = new() { Name = "role", Label = new("Vai trò", "Role"), MaxLength = TextLimits.Role };
    public static readonly RecordField Orcid = new()
    {
        Name = "orcid", Label = new("ORCID", "ORCID iD"), Note = new("lưu dạng https://orcid.org/0000-0000-0000-000X", "stored as https://orcid.org/0000-0000-0000-000X"),
        MaxLength = TextLimits.PersistentId,
    };
    public static readonly RecordField Email = new()
    {
        Name = "email", Label = new("E-mail liên hệ", "Contact e-mail"), MaxLength = TextLimits.Email, Access = FieldAccess.CuratorOnly,
    };
    public static readonly RecordField Phone = new()
    {
        Name = "phone", Label = new("Điện thoại", "Phone"), MaxLength = TextLimits.Phone, Access = FieldAccess.CuratorOnly,
    };

    public static readonly IReadOnlyList<RecordField> All = [Name, AcademicTitle, Role, Orcid, Email, Phone];
}

/// <summary>The fields of <see cref="ApprovalDecisionRecord"/> (<c>approvalDecision</c>).</summary>
public static class ApprovalDecisionFields
{
    public static readonly RecordField Number = new()
    {
        Name = "number", Label = new("Số quyết định", "Decision number"), MaxLength = TextLimits.DocumentNumber,
        Columns = [Cells.Text("Số quyết định", "approvalDecisionNumber", "1234/QĐ-UBND",
            r => r.ApprovalDecision?.Number, (r, v) => r with { ApprovalDecision = Of(r) with { Number = v } })],
    };

    public static readonly RecordField Date = new()
    {
        Name = "date", Label = new("Ngày quyết định", "Decision date"),
        Columns = [Cells.Date("Ngày quyết định", "approvalDecisionDate", "01/03/2024",
            r => r.ApprovalDecision?.Date, (r, d) => r with { ApprovalDecision = Of(r) with { Date = d } })],
    };

    public static readonly IReadOnlyList<RecordField> All = [Number, Date];

    private static ApprovalDecisionRecord Of(TaskRecord r) => r.ApprovalDecision ?? new ApprovalDecisionRecord();
}

/// <summary>The fields of <see cref="BudgetRecord"/> (<c>budget</c>): whole VND in the record, millions also accepted on import.</summary>
public static class BudgetFields
{
    public static readonly RecordField TotalVnd = new()
    {
        Name = "totalVnd", Label = new("Tổng kinh phí", "Total budget"), Note = new("đồng", "VND"),
        Columns =
        [
            Cells.Money("Tổng kinh phí (đồng)", "totalVnd", 1m, "1.250.500.000", r => r.Budget?.TotalVnd, (r, v) => r with { Budget = Of(r) with { TotalVnd = v } }),
            Cells.Money("Tổng kinh phí (triệu đồng)", "totalMillionVnd", 1_000_000m, "1.250,5", r => r.Budget?.TotalVnd, (r, v) => r with { Budget = Of(r) with { TotalVnd = v } }),
        ],
    };

    public static readonly RecordField StateBudgetVnd = new()
    {
        Name = "stateBudgetVnd", Label = new("Ngân sách nhà nước", "State budget"), Note = new("đồng, không vượt tổng kinh phí", "VND, at most the total"),
        Columns =
        [
            Cells.Money("Kinh phí NSNN (đồng)", "stateBudgetVnd", 1m, "900.000.000", r => r.Budget?.StateBudgetVnd, (r, v) => r with { Budget = Of(r) with { StateBudgetVnd = v } }),
            Cells.Money("Kinh phí NSNN (triệu đồng)", "stateBudgetMillionVnd", 1_000_000m, "900", r => r.Budget?.StateBudgetVnd, (r, v) => r with { Budget = Of(r) with { StateBudgetVnd = v } }),
        ],
    };

    public static readonly IReadOnlyList<RecordField> All = [TotalVnd, StateBudgetVnd];

    private static BudgetRecord Of(TaskRecord r) => r.Budget ?? new BudgetRecord();
}

/// <summary>The fields of <see cref="AcceptanceRecord"/> (<c>acceptance</c>, nghiệm thu).</summary>
public static class AcceptanceFields
{
    public static readonly RecordField Date = new()
    {
        Name = "date", Label = new("Ngày nghiệm thu", "Acceptance date"),
        Columns = [Cells.Date("Ngày nghiệm thu", "acceptanceDate", "20/04/2024", r => r.Acceptance?.Date, (r, d) => r with { Acceptance = Of(r) with { Date = d } })],
    };

    public static readonly RecordField Rating = new()
    {
        Name = "rating", Label = new("Xếp loại", "Rating"),
        Columns = [Cells.Choice<AcceptanceRating>("Xếp loại", "acceptanceRating", "Đạt", r => r.Acceptance?.Rating, (r, v) => r with { Acceptance = Of(r) with { Rating = v } })],
    };

    public static readonly IReadOnlyList<RecordField> All = [Date, Rating];

    private static AcceptanceRecord Of(TaskRecord r) => r.Acceptance ?? new AcceptanceRecord();
}

/// <summary>The fields of <see cref="ResultRegistrationRecord"/> (<c>resultRegistration</c>).</summary>
public static class ResultRegistrationFields
{
    public static readonly RecordField CertificateNumber = new()
    {
        Name = "certificateNumber", Label = new("Giấy chứng nhận", "Certificate"), MaxLength = TextLimits.DocumentNumber,
        Columns = [Cells.Text("Số GCN đăng ký kết quả", "resultRegistrationCertificateNumber", "12/2024/KQNV-PT",
            r => r.ResultRegistration?.CertificateNumber, (r, v) => r with { ResultRegistration = Of(r) with { CertificateNumber = v } })],
    };

    public static readonly RecordField Date = new()
    {
        Name = "date", Label = new("Ngày đăng ký kết quả", "Registration date"),
        Columns = [Cells.Date("Ngày đăng ký kết quả", "resultRegistrationDate", "10/06/2024",
            r => r.ResultRegistration?.Date, (r, d) => r with { ResultRegistration = Of(r) with { Date = d } })],
    };

    public static readonly IReadOnlyList<RecordField> All = [CertificateNumber, Date];

    private static ResultRegistrationRecord Of(TaskRecord r) => r.ResultRegistration ?? new ResultRegistrationRecord();
}

/// <summary>The fields of <see cref="OutputRecord"/> (<c>outputs[]</c>).</summary>
public static class OutputFields
{
    public static readonly RecordField Type = new() { Name = "type", Label = new("Loại sản phẩm", "Output type") };
    public static readonly RecordField Title = new() { Name = "title", Label = new("Tên sản phẩm", "Output title"), Required = true, MaxLength = TextLimits.Title };
    public static readonly RecordField Description = new() { Name = "description", Label = new("Mô tả", "Description"), MaxLength = TextLimits.LongText };
    public static readonly RecordField Identifier = new() { Name = "identifier", Label = new("Số hiệu", "Identifier"), Note = new("DOI, số bằng sáng chế, số giống", "DOI, patent or variety number"), MaxLength = TextLimits.Identifier };
    public static readonly RecordField IdentifierType = new()
    {
        Name = "identifierType", Label = new("Loại số hiệu", "Identifier type"),
        Note = new("doi, isbn, issn, patent (1-0012345, 2-0001234), handle, other; số hiệu được kiểm tra theo loại", "doi, isbn, issn, patent, handle, other; the identifier is checked against it"),
    };
    public static readonly RecordField Url = new() { Name = "url", Label = new("Đường dẫn", "Link"), MaxLength = TextLimits.Url };
    public static readonly RecordField Transferable = new() { Name = "transferable", Label = new("Chuyển giao được", "Transferable"), Note = new("doanh nghiệp có thể nhận chuyển giao", "a business can take it up") };

    public static readonly IReadOnlyList<RecordField> All = [Type, Title, Description, Identifier, IdentifierType, Url, Transferable];
}

/// <summary>The fields of <see cref="FunderRecord"/> (<c>funder</c>, đơn vị cấp kinh phí).</summary>
public static class FunderFields
{
    public static readonly RecordField Name = new()
    {
        Name = "name", Label = new("Tên đơn vị cấp kinh phí", "Funder name"), MaxLength = TextLimits.ShortText,
        Columns = [Cells.Text("Đơn vị cấp kinh phí", "funder", "Ủy ban nhân dân tỉnh Phú Thọ",
            r => r.Funder?.Name, (r, v) => r with { Funder = Of(r) with { Name = v } })],
    };

    public static readonly RecordField Identifier = new()
    {
        Name = "identifier", Label = new("Mã định danh đơn vị cấp kinh phí", "Funder identifier"),
        Note = new("mã ROR hoặc DOI của Crossref Funder Registry (10.13039/…)", "a ROR id or a Crossref Funder Registry DOI (10.13039/…)"),
        MaxLength = TextLimits.PersistentId,
        Columns = [Cells.Text("Mã định danh đơn vị cấp kinh phí", "funderIdentifier", "https://doi.org/10.13039/100007224",
            r => r.Funder?.Identifier, (r, v) => r with { Funder = Of(r) with { Identifier = v } }, "ROR id or Funder Registry DOI 10.13039/…")],
    };

    public static readonly IReadOnlyList<RecordField> All = [Name, Identifier];

    private static FunderRecord Of(TaskRecord r) => r.Funder ?? new FunderRecord();
}

/// <summary>The fields of <see cref="CoverageRecord"/> (<c>coverage[]</c>, truyền thông về nhiệm vụ).</summary>
public static class CoverageFields
{
    public static readonly RecordField Url = new()
    {
        Name = "url", Label = new("Đường dẫn bài/tin", "Link"), Note = new("chỉ http hoặc https", "http or https only"), Required = true, MaxLength = TextLimits.Url,
    };
    public static readonly RecordField Outlet = new()
    {
        Name = "outlet", Label = new("Cơ quan báo chí, kênh", "Outlet"), Note = new("ví dụ Báo Phú Thọ", "e.g. Báo Phú Thọ"), MaxLength = TextLimits.ShortText,
    };
    public static readonly RecordField Kind = new() { Name = "kind", Label = new("Loại kênh", "Kind"), Required = true };
    public static readonly RecordField Date = new()
    {
        Name = "date", Label = new("Ngày đăng, phát sóng", "Date"), Note = new("không sau ngày hôm nay", "not in the future"), Required = true,
    };
    public static readonly RecordField Title = new() { Name = "title", Label = new("Tiêu đề", "Title"), MaxLength = TextLimits.Title };

    public static readonly IReadOnlyList<RecordField> All = [Url, Outlet, Kind, Date, Title];
}
