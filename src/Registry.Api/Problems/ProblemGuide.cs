using System.Reflection;
using Registry.Data.Import;
using Registry.Data.Records;

namespace Registry.Api.Problems;

/// <summary>What one problem type means and how a client fixes it: the page its <c>type</c> URI resolves to.</summary>
/// <param name="Slug">The last segments of the type URI, e.g. <c>not-found</c> or <c>import-file/encoding</c>.</param>
public sealed record ProblemTypeGuide(string Slug, int Status, Label Title, Label Meaning, Label Fix)
{
    public string TypeUri => ProblemCatalog.TypeBase + Slug;
}

/// <summary>
/// The explanation behind every problem <c>type</c> the API writes: one entry per <see cref="ProblemKind"/> and one
/// per import file error kind (<c>…/problems/import-file/&lt;kind&gt;</c>). Titles and statuses come from
/// <see cref="ProblemCatalog"/>, so the page and the problem cannot disagree.
/// </summary>
public static class ProblemGuide
{
    public static IReadOnlyList<ProblemTypeGuide> Kinds { get; } = Enum.GetValues<ProblemKind>().Select(ForKind).ToList();

    /// <summary>The sub-types of <c>import-file</c>, one per constant of <see cref="ImportFileErrorKind"/>.</summary>
    public static IReadOnlyList<ProblemTypeGuide> ImportFileKinds { get; } = typeof(ImportFileErrorKind)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => ForImportFile((string)f.GetRawConstantValue()!))
        .ToList();

    public static IEnumerable<ProblemTypeGuide> All => Kinds.Concat(ImportFileKinds);

    /// <summary>The guide for a slug such as <c>gone</c> or <c>import-file/encoding</c>; null when there is none.</summary>
    public static ProblemTypeGuide? Find(string? slug) =>
        slug is null ? null : All.FirstOrDefault(g => string.Equals(g.Slug, slug, StringComparison.Ordinal));

    private static ProblemTypeGuide ForKind(ProblemKind kind)
    {
        var (meaning, fix) = Explain(kind);
        return new ProblemTypeGuide(ProblemCatalog.Slug(kind), ProblemCatalog.Status(kind), TitleOf(ProblemCatalog.Title(kind)), meaning, fix);
    }

    /// <summary>Splits "Tiếng Việt (English)" into its two languages.</summary>
    internal static Label TitleOf(string bilingual)
    {
        var open = bilingual.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && bilingual.EndsWith(')')
            ? new Label(bilingual[..open], bilingual[(open + 2)..^1])
            : new Label(bilingual, bilingual);
    }

    private static (Label Meaning, Label Fix) Explain(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => (
            new("Một hoặc nhiều trường, tham số hay giá trị không hợp lệ. Thành phần errors liệt kê từng đường dẫn (ví dụ budget.stateBudgetVnd hoặc pageSize) với thông báo.",
                "One or more fields, parameters or values are invalid. The errors member lists each path (e.g. budget.stateBudgetVnd or pageSize) with its message."),
            new("Sửa từng mục trong errors rồi gửi lại; các tham số và giá trị hợp lệ được nêu trong thông báo và trong GET /api/v1/filters.",
                "Fix each entry of errors and send again; the valid parameters and values are named in the message and in GET /api/v1/filters.")),
        ProblemKind.StateSecret => (
            new("Bản ghi có độ mật (Mật, Tối mật, Tuyệt mật) theo Luật Bảo vệ bí mật nhà nước 29/2018/QH14. Cơ sở dữ liệu công khai không nhận bản ghi này; không có nội dung nào được lưu, ghi nhật ký hay lặp lại.",
                "The record is classified (confidential, secret, top secret) under the Law on Protection of State Secrets 29/2018/QH14. The public registry refuses it; nothing of it was stored, logged or echoed."),
            new("Không gửi nhiệm vụ mật vào hệ thống này. Chỉ gửi nhiệm vụ có securityClassification là none (hoặc bỏ trống).",
                "Do not send classified tasks to this service. Send only tasks whose securityClassification is none (or absent).")),
        ProblemKind.NotFound => (
            new("Không có tài nguyên công khai ở địa chỉ này: id hoặc mã số sai, nhiệm vụ còn là bản nháp, hoặc đường dẫn không tồn tại.",
                "There is no public resource at this address: a wrong id or code, a task that is still a draft, or a path that does not exist."),
            new("Kiểm tra id hoặc mã số (tìm qua GET /api/v1/tasks?q=…); danh sách địa chỉ có ở /swagger.",
                "Check the id or code (find it with GET /api/v1/tasks?q=…); the list of addresses is at /swagger.")),
        ProblemKind.Gone => (
            new("Nhiệm vụ đã bị rút khỏi cơ sở dữ liệu công khai. Câu trả lời chỉ còn bia mộ: id, code, withdrawnAt và withdrawalReason.",
                "The task was withdrawn from the public registry. The answer keeps only a tombstone: id, code, withdrawnAt and withdrawalReason."),
            new("Xóa bản sao của bạn; nhiệm vụ sẽ không trở lại dưới id này. Người thu thập OAI-PMH thấy nó là bản ghi đã xóa.",
                "Delete your copy; the task will not come back under this id. OAI-PMH harvesters see it as a deleted record.")),
        ProblemKind.VersionMismatch => (
            new("Nhiệm vụ đã được sửa sau khi bạn đọc: ETag trong If-Match không còn là phiên bản hiện tại. currentETag cho biết phiên bản mới.",
                "The task changed since you read it: the ETag in If-Match is no longer current. currentETag names the new version."),
            new("Đọc lại nhiệm vụ, áp dụng lại thay đổi của bạn, rồi gửi với If-Match là ETag mới.",
                "Read the task again, reapply your change, and send it with the new ETag in If-Match.")),
        ProblemKind.PreconditionRequired => (
            new("Thao tác sửa cần tiêu đề If-Match để không ghi đè thay đổi của người khác.",
                "This update needs an If-Match header so it cannot overwrite someone else's change."),
            new("Đọc nhiệm vụ (GET /api/v1/tasks/{id}), lấy tiêu đề ETag, rồi gửi lại kèm If-Match: \"<etag>\".",
                "Read the task (GET /api/v1/tasks/{id}), take its ETag header, and send again with If-Match: \"<etag>\".")),
        ProblemKind.DuplicateCode => (
            new("Mã số nhiệm vụ đã được dùng cho một nhiệm vụ khác; mã số là duy nhất.",
                "The task code is already used by another task; codes are unique."),
            new("Sửa nhiệm vụ đã có bằng PUT /api/v1/tasks/{id}, hoặc dùng mã số khác.",
                "Update the existing task with PUT /api/v1/tasks/{id}, or use another code.")),
        ProblemKind.Unauthorized => (
            new("Thao tác này cần khóa API của cán bộ cập nhật hoặc quản trị, và yêu cầu không có khóa hợp lệ.",
                "This operation needs a curator or admin API key, and the request carried no valid key."),
            new("Gửi tiêu đề X-Api-Key với khóa do quản trị viên cấp (lệnh apikey create). Đọc dữ liệu công khai không cần khóa.",
                "Send an X-Api-Key header with a key an administrator created (the apikey create command). Public reads need no key.")),
        ProblemKind.Forbidden => (
            new("Khóa API hợp lệ nhưng vai trò của nó không được làm thao tác này (ví dụ: khóa cán bộ cập nhật quản lý khóa API).",
                "The API key is valid but its role may not do this (for example, a curator key managing API keys)."),
            new("Dùng khóa có vai trò phù hợp (admin cho quản lý khóa, curator cho sửa và nhập dữ liệu).",
                "Use a key with the right role (admin to manage keys, curator to edit and import).")),
        ProblemKind.BadRequest => (
            new("Yêu cầu không đọc được: phiên bản API không được hỗ trợ, ký tự điều khiển trong địa chỉ hoặc tham số, nội dung hỏng, hoặc một lỗi 4xx khác của khung ứng dụng (mã trạng thái của câu trả lời cho biết lỗi nào).",
                "The request could not be read: an unsupported API version, control characters in the address or a parameter, a broken body, or another 4xx of the framework (the answer's status says which)."),
            new("Đọc detail; dùng /api/v1/... và các phương thức có trong /swagger.",
                "Read the detail; use /api/v1/... and the methods listed in /swagger.")),
        ProblemKind.MethodNotAllowed => (
            new("Địa chỉ có tồn tại nhưng không nhận phương thức HTTP này (ví dụ DELETE trên /api/v1/tasks).",
                "The address exists but does not take this HTTP method (for example DELETE on /api/v1/tasks)."),
            new("Dùng phương thức mà /swagger liệt kê cho địa chỉ này; tiêu đề Allow của câu trả lời nêu các phương thức được nhận.",
                "Use a method /swagger lists for this address; the answer's Allow header names the accepted ones.")),
        ProblemKind.RangeNotSatisfiable => (
            new("Tiêu đề Range yêu cầu một khoảng byte nằm ngoài tệp (tệp bản sao nhỏ hơn hoặc đã thay đổi).",
                "The Range header asks for bytes outside the file (the snapshot file is shorter, or changed)."),
            new("Đọc lại /snapshots/manifest.json để biết kích thước và SHA-256 hiện tại, rồi tải lại từ đầu hoặc với If-Range.",
                "Read /snapshots/manifest.json again for the current size and SHA-256, then download again from the start or with If-Range.")),
        ProblemKind.NotImplemented => (
            new("Dịch vụ không hỗ trợ biến thể được yêu cầu (ví dụ oEmbed với format khác json).",
                "The service does not implement the variant asked for (for example oEmbed with a format other than json)."),
            new("Bỏ tham số đó hoặc dùng giá trị được hỗ trợ (oEmbed: format=json).",
                "Drop that parameter or use a supported value (oEmbed: format=json).")),
        ProblemKind.PayloadTooLarge => (
            new("Nội dung gửi lên vượt giới hạn kích thước (maxBytes cho biết giới hạn khi có).",
                "The request body exceeds the size limit (maxBytes names the limit when given)."),
            new("Chia tệp nhập thành nhiều phần nhỏ hơn rồi gửi từng phần.",
                "Split the import file into smaller parts and send them one by one.")),
        ProblemKind.UnsupportedMediaType => (
            new("Content-Type của nội dung gửi lên không được nhận ở địa chỉ này.",
                "The Content-Type of the request body is not accepted at this address."),
            new("Gửi JSON với Content-Type: application/json; tệp nhập là JSON Lines, CSV, .xlsx hoặc multipart/form-data có phần 'file'.",
                "Send JSON with Content-Type: application/json; import files are JSON Lines, CSV, .xlsx, or multipart/form-data with a 'file' part.")),
        ProblemKind.ImportFile => (
            new("Tệp nhập có lỗi ở mức toàn tệp (không phải một dòng); không có gì được ghi. Loại lỗi cụ thể ở cuối địa chỉ type và trong kind.",
                "The import file has a whole-file problem (not one row); nothing was written. The precise kind ends the type URI and is in kind."),
            new("Sửa tệp theo hướng dẫn của loại lỗi cụ thể (các trang import-file/… bên dưới) và docs/import.md, rồi nhập lại.",
                "Fix the file as the specific kind says (the import-file/… pages) and docs/import.md, then import again.")),
        ProblemKind.TooManyRequests => (
            new("Quá nhiều yêu cầu từ cùng một địa chỉ trong thời gian ngắn.",
                "Too many requests from the same client in a short time."),
            new("Chờ theo tiêu đề Retry-After rồi thử lại; để lấy toàn bộ dữ liệu, dùng bản sao /snapshots hoặc OAI-PMH thay vì duyệt từng trang.",
                "Wait as the Retry-After header says and retry; to take the whole catalogue use /snapshots or OAI-PMH instead of paging.")),
        _ => (
            new("Lỗi ngoài dự kiến ở máy chủ; không có chi tiết kỹ thuật nào được gửi ra ngoài.",
                "An unexpected error on the server; no technical detail is sent out."),
            new("Thử lại sau; nếu lỗi lặp lại, báo cho quản trị viên kèm traceId của câu trả lời.",
                "Retry later; if it repeats, report it to the administrators with the answer's traceId.")),
    };

    private static ProblemTypeGuide ForImportFile(string kind)
    {
        var status = new ImportFileException(kind, "").SuggestedStatusCode;
        var (title, fix) = kind switch
        {
            ImportFileErrorKind.Encoding => (new Label("Tệp không phải UTF-8", "The file is not UTF-8"),
                new Label("Lưu lại tệp CSV hoặc JSON Lines với mã hóa UTF-8 (Excel: \"CSV UTF-8\").", "Save the CSV or JSON Lines file again as UTF-8 (Excel: \"CSV UTF-8\").")),
            ImportFileErrorKind.MalformedFile => (new Label("Tệp hỏng hoặc không đúng định dạng", "The file is broken or not in its format"),
                new Label("Mở và lưu lại tệp bằng Excel hoặc trình soạn thảo, kiểm tra đúng đuôi tệp (.xlsx, .csv, .jsonl).", "Open and save the file again in Excel or an editor; check the extension matches (.xlsx, .csv, .jsonl).")),
            ImportFileErrorKind.UnknownColumn => (new Label("Cột không có trong mẫu nhập", "A column not in the import template"),
                new Label("Đổi tên cột theo mẫu trong docs/import.md hoặc bỏ cột đó.", "Rename the column as in the template of docs/import.md, or remove it.")),
            ImportFileErrorKind.MissingColumn => (new Label("Thiếu cột bắt buộc", "A required column is missing"),
                new Label("Thêm cột được nêu trong detail (ví dụ \"Mã số\", \"Tên nhiệm vụ\").", "Add the column the detail names (e.g. \"Mã số\", \"Tên nhiệm vụ\").")),
            ImportFileErrorKind.DuplicateColumn => (new Label("Một cột xuất hiện hai lần", "A column appears twice"),
                new Label("Giữ một cột cho mỗi trường; xóa cột trùng.", "Keep one column per field; delete the duplicate.")),
            ImportFileErrorKind.TooLarge => (new Label("Tệp có quá nhiều dòng hoặc quá lớn", "The file has too many rows or is too large"),
                new Label("Chia tệp thành nhiều phần nhỏ hơn rồi nhập từng phần.", "Split the file into smaller parts and import them one by one.")),
            ImportFileErrorKind.Empty => (new Label("Tệp không có dòng dữ liệu nào", "The file has no data row"),
                new Label("Kiểm tra tệp có dòng tiêu đề và ít nhất một dòng nhiệm vụ.", "Check the file has a header row and at least one task row.")),
            ImportFileErrorKind.UnsupportedFormat => (new Label("Định dạng tệp không được hỗ trợ", "The file format is not supported"),
                new Label("Dùng .xlsx, .csv (UTF-8) hoặc .jsonl; không dùng .xls hay .ods.", "Use .xlsx, .csv (UTF-8) or .jsonl; not .xls or .ods.")),
            ImportFileErrorKind.Formula => (new Label("Ô độ mật chứa công thức", "The classification cell holds a formula"),
                new Label("Nhập giá trị độ mật trực tiếp (ví dụ \"Không\"), không dùng công thức.", "Type the classification value itself (e.g. \"Không\"), not a formula.")),
            _ => (new Label($"Lỗi tệp nhập ({kind})", $"Import file problem ({kind})"),
                new Label("Đọc detail của câu trả lời và docs/import.md.", "Read the answer's detail and docs/import.md.")),
        };
        var meaning = new Label($"Tệp nhập bị từ chối toàn bộ: {title.Vi.ToLowerInvariant()}. Không có dòng nào được ghi.",
            $"The import file was refused as a whole: {title.En.ToLowerInvariant()}. No row was written.");
        return new ProblemTypeGuide($"{ProblemCatalog.Slug(ProblemKind.ImportFile)}/{kind}", status, title, meaning, fix);
    }
}
