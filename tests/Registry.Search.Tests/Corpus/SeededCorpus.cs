using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Search.Tests.Corpus;

/// <summary>
/// The hand-written topics of <c>topics.txt</c> (102 lines), each published twice with deterministic
/// variation (year, level, status, organisation, budget), for 204 records. Ids are <c>t-{key}-{variant}</c>,
/// codes <c>ĐT-{KEY}-{variant}</c>.
/// </summary>
public static class SeededCorpus
{
    public sealed record Topic(int Index, string Key, string Field, char Kind, string Title, string[] Keywords, string Summary, bool Transferable);

    public static readonly IReadOnlyList<(string Id, string Name)> Organizations =
    [
        ("org-dhhv", "Trường Đại học Hùng Vương"),
        ("org-vkhnn", "Viện Khoa học Nông nghiệp Việt Nam"),
        ("org-bvpt", "Bệnh viện Đa khoa tỉnh Phú Thọ"),
        ("org-ttud", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ Phú Thọ"),
        ("org-chepb", "Công ty Cổ phần Chè Phú Bền"),
        ("org-sotttt", "Sở Thông tin và Truyền thông tỉnh Phú Thọ"),
        ("org-dhnl", "Trường Đại học Nông Lâm Thái Nguyên"),
        ("org-vhlxh", "Viện Hàn lâm Khoa học xã hội Việt Nam"),
    ];

    private static readonly string[] Investigators =
        ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung", "Hoàng Minh Đức", "Đỗ Thị Hà", "Vũ Quang Huy", "Bùi Thị Lan"];

    private static readonly Lazy<IReadOnlyList<Topic>> LazyTopics = new(LoadTopics);
    private static readonly Lazy<IReadOnlyList<TaskRecord>> LazyRecords = new(() => LazyTopics.Value.SelectMany(t => new[] { Build(t, 1), Build(t, 2) }).ToList());

    public static IReadOnlyList<Topic> Topics => LazyTopics.Value;

    public static IReadOnlyList<TaskRecord> Records => LazyRecords.Value;

    public static string Id(string key, int variant) => $"t-{key.ToLowerInvariant()}-{variant}";

    /// <summary>The topic key of a record id ("t-cds-2" → "CDS").</summary>
    public static string KeyOf(string id) => id[2..id.LastIndexOf('-')].ToUpperInvariant();

    public static TaskRecord Build(Topic t, int v)
    {
        var i = t.Index;
        var start = new DateOnly(2016 + (i * 3 + v * 5) % 10, i % 12 + 1, 1);
        var org = Organizations[(i + v) % Organizations.Count];
        return new TaskRecord
        {
            Id = Id(t.Key, v),
            Code = $"ĐT-{t.Key}-{v}",
            Title = v == 1 ? t.Title : t.Title + " giai đoạn 2",
            Kind = KindOf(t.Kind, i, v),
            Level = (TaskLevel)((i + v) % 4),
            Fields = i % 3 == 0 && v == 2 ? [t.Field + "01"] : [t.Field],
            Keywords = t.Keywords,
            Status = (TaskStatus)((i * 2 + v) % 6),
            ManagingAgency = "Sở Khoa học và Công nghệ tỉnh Phú Thọ",
            HostOrganization = new OrganizationRef { Id = org.Id, Name = org.Name, Type = OrganizationType.Other, Province = "Phú Thọ" },
            PrincipalInvestigator = new PersonRecord { Name = Investigators[(i * 3 + v) % Investigators.Length], AcademicTitle = "TS." },
            StartDate = start,
            EndDate = start.AddMonths(18 + 6 * v),
            Budget = i % 17 == 5 ? null : new BudgetRecord { TotalVnd = 200_000_000L + (i * 37 + v * 11) % 40 * 125_000_000L, StateBudgetVnd = 150_000_000L },
            Summary = t.Summary,
            Objectives = "Mục tiêu: " + t.Summary,
            Outputs = Outputs(t, v),
            Visibility = Visibility.Published,
            CreatedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i * 7 + v),
            PublishedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    private static TaskKind KindOf(char kind, int i, int v) => kind switch
    {
        'p' => TaskKind.PilotProductionProject,
        'e' => TaskKind.ScientificScheme,
        'b' => TaskKind.BasicSurvey,
        _ => v == 2 && i % 3 == 1 ? TaskKind.ScienceTechnologyProject : TaskKind.ResearchProject,
    };

    private static List<OutputRecord> Outputs(Topic t, int v) => t.Transferable
        ? [new OutputRecord { Type = OutputType.Process, Title = "Quy trình kỹ thuật", Transferable = v == 1 || t.Index % 2 == 0 }]
        : [new OutputRecord { Type = OutputType.Publication, Title = "Bài báo khoa học", Transferable = false }];

    private static IReadOnlyList<Topic> LoadTopics()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "topics.txt");
        return File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select((line, index) =>
            {
                var c = line.Split('|');
                return new Topic(index, c[0], c[1], c[2][0], c[3], c[4].Split(';'), c[5], c[6] == "1");
            })
            .ToList();
    }
}
