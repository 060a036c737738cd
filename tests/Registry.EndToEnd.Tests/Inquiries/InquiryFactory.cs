using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data;
using Registry.Data.Mail;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Inquiries;

/// <summary>A host whose forms take submissions at once (no minimum fill time) and without the per-address limit.</summary>
public class InquiryFactory : RegistryApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:Forms:MinFillSeconds"] = "0",
        ["Registry:Forms:SubmissionsPerWindow"] = "0",
    };

    /// <summary>A published task with a transferable process (output 1) after a publication that is not (output 0).</summary>
    public async Task<(string Id, string Code, string OrganizationId)> TransferableTaskAsync(string? organization = null, string? principalEmail = "an.nguyen@example.vn")
    {
        var valid = TaskRecordBuilder.Valid();
        var record = valid with
        {
            Visibility = Visibility.Published,
            HostOrganization = valid.HostOrganization! with { Name = organization ?? "Viện Khoa học Nông lâm nghiệp " + Guid.NewGuid().ToString("N")[..8] },
            PrincipalInvestigator = valid.PrincipalInvestigator! with { Email = principalEmail },
            Outputs =
            [
                new OutputRecord { Type = OutputType.Publication, Title = "Bài báo về chè Shan tuyết", Transferable = false },
                new OutputRecord { Type = OutputType.Process, Title = "Quy trình nhân giống chè Shan tuyết bằng giâm hom", Transferable = true },
            ],
        };
        return await CreateAsync(record);
    }

    public async Task<(string Id, string Code, string OrganizationId)> CreateAsync(TaskRecord record)
    {
        var curator = await CuratorAsync();
        var response = await curator.PostRecordAsync("/api/v1/tasks", record);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var task = JsonDocument.Parse(text).RootElement.GetProperty("task");
        return (task.GetProperty("id").GetString()!, task.GetProperty("code").GetString()!, task.GetProperty("hostOrganization").GetProperty("id").GetString()!);
    }

    public async Task<string> TokenAsync(string purpose = "inquiry")
    {
        var response = await Anonymous().GetAsync($"/api/v1/forms/token?purpose={purpose}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static Dictionary<string, object?> Body(string token, string email = "giamdoc@chethaiphu.vn") => new()
    {
        ["formToken"] = token,
        ["organization"] = "Công ty TNHH Chè Thái Phú",
        ["contactName"] = "Đỗ Thị Hạnh",
        ["contactEmail"] = email,
        ["phone"] = "0912 345 678",
        ["need"] = "Chúng tôi muốn áp dụng quy trình giâm hom cho 20 ha chè Shan tuyết ở Tân Sơn.",
        ["output"] = 1,
        ["consent"] = true,
    };

    public Task<HttpResponseMessage> SubmitAsync(string taskId, object body) =>
        Anonymous().PostAsync($"/api/v1/tasks/{taskId}/inquiries",
            new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));

    internal async Task<List<MailEntry>> MailsAsync(string relatedId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync();
        return await db.MailQueue.Where(m => m.RelatedId == relatedId).OrderBy(m => m.Id).ToListAsync();
    }
}

/// <summary>The per-address limit at two submissions per window.</summary>
public sealed class LimitedInquiryFactory : InquiryFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:Forms:MinFillSeconds"] = "0",
        ["Registry:Forms:SubmissionsPerWindow"] = "2",
    };
}

/// <summary>The production minimum fill time.</summary>
public sealed class SlowFormFactory : InquiryFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:Forms:MinFillSeconds"] = "60",
    };
}
