using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Registry.Data.Records;

namespace Registry.EndToEnd.Tests.Infrastructure;

/// <summary>Import files built from records, and ways to send them.</summary>
public static class ImportFiles
{
    public const string CsvHeader = "Mã số,Tên nhiệm vụ,Loại nhiệm vụ,Cấp quản lý,Lĩnh vực,Tình trạng,Tổ chức chủ trì,Chủ nhiệm,Ngày bắt đầu,Ngày kết thúc,Độ mật";

    public static string JsonLines(IEnumerable<TaskRecord> records) =>
        string.Join("\n", records.Select(r => JsonSerializer.Serialize(r, RegistryJson.Options))) + "\n";

    public static string CsvRow(string code, string title, string classification = "Không") =>
        $"{code},{title},Đề tài,Tỉnh,401,Đang thực hiện,Trường Đại học Hùng Vương,TS. Nguyễn Văn An,01/03/2024,12/2026,{classification}";

    public static string Csv(params string[] rows) => CsvHeader + "\n" + string.Join("\n", rows) + "\n";

    public static Task<HttpResponseMessage> PostImportAsync(this HttpClient client, string body, string contentType, string query = "") =>
        client.PostAsync($"/api/v1/imports{query}", new StringContent(body, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PostImportBytesAsync(this HttpClient client, byte[] body, string contentType, string query = "")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync($"/api/v1/imports{query}", content);
    }

    public static Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string body, string fileName, string query = "")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/imports{query}", form);
    }
}
