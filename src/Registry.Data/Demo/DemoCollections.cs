using Registry.Data.Abstractions;
using Registry.Data.Collections;

namespace Registry.Data.Demo;

/// <summary>
/// Two sample collections over the demo catalogue, for the days the province communicates on: Vietnam S&amp;T Day
/// (tasks with a transferable result) and National Digital Transformation Day (computer and information sciences).
/// Made once, right after the demo tasks, and only when no collection exists.
/// </summary>
public static class DemoCollections
{
    private const int PerCollection = 8;

    /// <summary>Returns how many collections were created (0 when any exists or no published task fits).</summary>
    public static async Task<int> SeedIfEmptyAsync(ICollectionStore collections, ITaskCatalog catalog, CancellationToken ct = default)
    {
        if ((await collections.ListAsync(null, 1, ct)).Count > 0) return 0;
        var transferable = new List<string>();
        var digital = new List<string>();
        await foreach (var task in catalog.StreamPublishedAsync(ct))
        {
            if (transferable.Count < PerCollection && task.Outputs?.Any(o => o.Transferable == true) == true) transferable.Add(task.Id!);
            else if (digital.Count < PerCollection && (task.Fields ?? []).Any(f => f.StartsWith("102", StringComparison.Ordinal))) digital.Add(task.Id!);
            if (transferable.Count == PerCollection && digital.Count == PerCollection) break;
        }

        var created = 0;
        if (transferable.Count > 0)
        {
            created += await CreateAsync(collections, new CollectionInput
            {
                Title = "Ngày Khoa học và Công nghệ Việt Nam 18/5/2026",
                TitleEn = "Vietnam Science and Technology Day, 18 May 2026",
                Description = "Những kết quả nghiên cứu có thể chuyển giao ngay cho doanh nghiệp và người dân trong tỉnh.",
                DescriptionEn = "Research results that businesses and residents of the province can adopt now.",
                Date = new DateOnly(2026, 5, 18),
                Items = transferable.Select(id => new CollectionItemInput { Task = id }).ToList(),
            }, ct);
        }
        if (digital.Count > 0)
        {
            created += await CreateAsync(collections, new CollectionInput
            {
                Title = "Ngày Chuyển đổi số quốc gia 10/10/2025",
                TitleEn = "National Digital Transformation Day, 10 October 2025",
                Description = "Nhiệm vụ khoa học máy tính và thông tin phục vụ chuyển đổi số của tỉnh Phú Thọ.",
                DescriptionEn = "Computer and information science tasks serving Phú Thọ's digital transformation.",
                Date = new DateOnly(2025, 10, 10),
                Items = digital.Select(id => new CollectionItemInput { Task = id }).ToList(),
            }, ct);
        }
        return created;
    }

    private static async Task<int> CreateAsync(ICollectionStore collections, CollectionInput input, CancellationToken ct)
    {
        var result = await collections.CreateAsync(input, Actor.Seeder, ct);
        return result.Succeeded ? 1 : throw new InvalidOperationException(
            $"Demo collection '{input.Title}' was rejected: {string.Join("; ", result.Errors?.Select(e => e.Message) ?? [])}");
    }
}
