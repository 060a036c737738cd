using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Search.SearchSeeding;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.EndToEnd.Tests.Search;

/// <summary>A host holding a small, hand-made published catalogue plus one draft and one withdrawn task.</summary>
public sealed class SearchCatalogue : RegistryApiFactory
{
    public const string Digital = "CĐS-2023-001";
    public const string Tea = "CHE-2021-002";
    public const string Silk = "LUA-2019-003";
    public const string Rice = "LUA-2025-004";
    public const string TeaProcessing = "CHE-2024-005";

    private readonly Lazy<Task<IReadOnlyList<string>>> _seeded;

    public SearchCatalogue() => _seeded = new Lazy<Task<IReadOnlyList<string>>>(SeedAsync);

    /// <summary>Public ids of the five published tasks, in the order above.</summary>
    public Task<IReadOnlyList<string>> SeededAsync() => _seeded.Value;

    public string DraftCode { get; } = "NHAP-" + Guid.NewGuid().ToString("N")[..8];

    public string? WithdrawnId { get; private set; }

    public string WithdrawnCode { get; } = "RUT-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<IReadOnlyList<string>> SeedAsync()
    {
        var published = await this.PublishAsync(
        [
            Make("Chuyển đổi số trong quản lý đất đai tỉnh Phú Thọ", r => (r with
            {
                Code = Digital, Fields = ["102"], Keywords = ["chuyển đổi số", "đất đai"], Summary = "Xây dựng cơ sở dữ liệu đất đai số.",
                HostOrganization = new OrganizationRef { Name = "Sở Nông nghiệp và Môi trường", Type = OrganizationType.StateAgency },
            }).InYear(2023).WithBudget(2_000_000_000).WithState(TaskLevel.Provincial, TaskKind.ResearchProject, TaskStatus.Accepted)),
            Make("Chọn tạo giống chè mới năng suất cao", r => (r with
            {
                Code = Tea, Fields = ["40101"], Keywords = ["chè", "giống"],
                Outputs = [new OutputRecord { Type = OutputType.PlantVariety, Title = "Giống chè PT-1", Transferable = true }],
                Coverage =
                [
                    new CoverageRecord { Url = "https://baophutho.vn/khoa-hoc/giong-che-pt-1.html", Outlet = "Báo Phú Thọ", Kind = CoverageKind.Press, Date = new DateOnly(2024, 5, 2), Title = "Giống chè PT-1" },
                    new CoverageRecord { Url = "https://techmart.phutho.gov.vn/2024", Kind = CoverageKind.Event, Date = new DateOnly(2024, 9, 20) },
                ],
            }).InYear(2021).WithBudget(5_000_000_000).WithState(TaskLevel.National, TaskKind.PilotProductionProject, TaskStatus.InProgress)),
            Make("Nuôi tằm và dệt lụa truyền thống", r => (r with { Code = Silk, Fields = ["401"], Keywords = ["lụa"] })
                .InYear(2019).WithBudget(500_000_000).WithState(TaskLevel.Grassroots, TaskKind.ResearchProject, TaskStatus.Applied)),
            Make("Ứng dụng giống lúa lai cho vùng trung du", r => (r with { Code = Rice, Fields = ["40102"], Keywords = ["lúa"] })
                .InYear(2025).WithBudget(800_000_000).WithState(TaskLevel.Ministerial, TaskKind.ResearchProject, TaskStatus.Approved)),
            Make("Công nghệ chế biến chè xanh chất lượng cao", r => (r with { Code = TeaProcessing, Fields = ["211"], Keywords = ["chè", "chế biến"] })
                .InYear(2024).WithBudget(1_200_000_000).WithState(TaskLevel.Provincial, TaskKind.ScienceTechnologyProject, TaskStatus.InProgress)),
        ]);
        await this.PublishAsync([Make("Bản nháp về chè chưa công bố", r => r with { Code = DraftCode, Visibility = Visibility.Draft })]);
        var withdrawn = (await this.PublishAsync([Make("Nhiệm vụ về chè đã rút", r => r with { Code = WithdrawnCode })]))[0];
        await this.WaitForIndexAsync(published.Count + 1);
        var store = Services.GetRequiredService<ITaskStore>();
        var result = await store.SetVisibilityAsync(withdrawn, Visibility.Withdrawn, "Trùng lặp", null, Actor.CommandLine);
        Assert.True(result.Succeeded);
        await this.WaitForIndexAsync(published.Count);
        WithdrawnId = withdrawn;
        return published;
    }
}
