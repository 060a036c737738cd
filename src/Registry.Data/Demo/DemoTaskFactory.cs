using System.Globalization;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Demo;

/// <summary>Builds one demo task at a time from the shared PRNG; keeps the counters that make codes unique.</summary>
internal sealed class DemoTaskFactory(DemoRandom rng)
{
    private static readonly HashSet<string> ProductSectors = ["203", "204", "205", "209", "210", "211", "303", "401", "402", "404", "405", "406"];

    private readonly Dictionary<string, int> _codeCounters = new(StringComparer.Ordinal);

    public TaskRecord Create(string sector)
    {
        var theme = SectorThemes.BySector[sector];
        var (actionVi, actionEn) = SectorTheme.Split(rng.Pick(theme.Actions));
        var (subjectVi, subjectEn) = SectorTheme.Split(rng.Pick(theme.Subjects));
        var (placeVi, placeEn) = SectorTheme.Split(rng.Pick(DemoText.Places));
        // A subject that names its own place ("bưởi Đoan Hùng", "hồ Thác Bà") gets no second place in the title.
        var ownPlace = subjectVi.Skip(1).Any(char.IsUpper);
        var titlePlaceVi = ownPlace ? "" : " " + placeVi;
        var titlePlaceEn = ownPlace ? "" : " " + placeEn;
        if (ownPlace) (placeVi, placeEn) = ("trên địa bàn tỉnh Phú Thọ", "in Phu Tho province");
        var (kind, level) = KindAndLevel(sector);
        var schedule = DemoSchedule.Create(rng);
        var medical = sector[0] == '3';
        var core = $"{actionVi} {subjectVi}";
        var fieldCode = sector + (rng.Chance(0.6) ? rng.Between(1, 5).ToString("D2", CultureInfo.InvariantCulture) : "");

        var record = new TaskRecord
        {
            Code = NextCode(kind, schedule.ApprovalDate.Year, sector),
            Title = DemoTitles.Vietnamese(kind, core, subjectVi, titlePlaceVi, schedule.Start.Year),
            TitleEn = rng.Chance(0.4) ? DemoTitles.English(kind, actionEn, subjectEn, titlePlaceEn) : null,
            Kind = kind,
            Level = level,
            Fields = rng.Chance(0.2) ? [fieldCode, SecondField(sector)] : [fieldCode],
            Keywords = Keywords(sector, subjectVi),
            Status = schedule.Status,
            SecurityClassification = SecurityClassification.None,
            ManagingAgency = ManagingAgency(level, sector),
            HostOrganization = Host(sector, subjectVi, medical),
            PrincipalInvestigator = DemoPeople.Leader(rng, medical),
            Members = DemoPeople.Members(rng, medical),
            StartDate = schedule.Start,
            EndDate = schedule.End,
            ApprovalDecision = new ApprovalDecisionRecord { Number = DecisionNumber(level), Date = schedule.ApprovalDate },
            Budget = Budget(level, kind),
        };
        record = DemoTexts.Fill(rng, record, sector, subjectVi, placeVi, schedule.Months);
        record = DemoPlainSummaries.Fill(record, sector, subjectVi, placeVi);
        record = Finish(record, schedule, sector, core, subjectVi);
        return DemoCoverage.Apply(DemoTimestamps.Apply(rng, record, schedule), schedule);
    }

    private (TaskKind, TaskLevel) KindAndLevel(string sector)
    {
        var kind = rng.Weighted((TaskKind.ResearchProject, 70), (TaskKind.PilotProductionProject, 10), (TaskKind.ScienceTechnologyProject, 6),
            (TaskKind.ScientificScheme, 5), (TaskKind.BasicSurvey, 4), (TaskKind.Program, 2), (TaskKind.Other, 3));
        // Pilot production makes a product; S&T application projects need something to apply.
        if (kind == TaskKind.PilotProductionProject && !ProductSectors.Contains(sector)
            || kind == TaskKind.ScienceTechnologyProject && sector[0] is not ('2' or '3' or '4'))
            kind = TaskKind.ResearchProject;
        var level = rng.Weighted((TaskLevel.Provincial, 55), (TaskLevel.Grassroots, 30), (TaskLevel.Ministerial, 8), (TaskLevel.National, 7));
        return (kind, level);
    }

    private TaskRecord Finish(TaskRecord record, DemoSchedule s, string sector, string core, string subject)
    {
        if (s.AcceptanceDate is null) return record;
        var failed = s.Rating == AcceptanceRating.Failed;
        return record with
        {
            Acceptance = new AcceptanceRecord { Date = s.AcceptanceDate, Rating = s.Rating },
            ResultRegistration = s.RegistrationDate is { } reg
                ? new ResultRegistrationRecord { CertificateNumber = $"{rng.Between(1, 180)}/{reg.Year}/KQNV-PT", Date = reg }
                : null,
            Outputs = DemoOutputs.For(rng, sector, core, subject, s.End.Year, failed),
        };
    }

    private string NextCode(TaskKind kind, int year, string sector)
    {
        var prefix = kind switch
        {
            TaskKind.ResearchProject => "ĐT", TaskKind.PilotProductionProject => "SXTN", TaskKind.ScientificScheme => "ĐA",
            TaskKind.ScienceTechnologyProject => "DA", TaskKind.Program => "CT", TaskKind.BasicSurvey => "ĐTCB", _ => "NV",
        };
        var key = $"{prefix}-{year}-{sector}";
        var n = _codeCounters[key] = _codeCounters.GetValueOrDefault(key) + 1;
        // Sector + a counter of at least two digits: distinct counters always give distinct codes.
        return $"{key}{n.ToString("D2", CultureInfo.InvariantCulture)}-PT";
    }

    private string SecondField(string sector)
    {
        var siblings = SectorThemes.BySector.Keys.Where(k => k[0] == sector[0] && k != sector).ToList();
        return rng.Pick(siblings);
    }

    private List<string> Keywords(string sector, string subject)
    {
        var words = new List<string> { subject };
        words.AddRange(rng.Sample(DemoText.ByField[sector[0]].Keywords, rng.Between(1, 3)));
        if (sector is "102" or "202" or "503" or "508" && rng.Chance(0.5)) words.Add(rng.Pick(["chuyển đổi số", "trí tuệ nhân tạo", "an toàn thông tin"]));
        return words.Distinct().ToList();
    }

    private string ManagingAgency(TaskLevel level, string sector) => level switch
    {
        TaskLevel.National => "Bộ Khoa học và Công nghệ",
        TaskLevel.Ministerial => DemoOrganizations.MinistryByField[sector[0]],
        TaskLevel.Grassroots => rng.Pick(DemoOrganizations.GrassrootsAgencies),
        _ => DemoOrganizations.ProvincialDepartment,
    };

    private OrganizationRef Host(string sector, string subject, bool medical)
    {
        var candidates = DemoOrganizations.All.Where(o => o.Covers(sector, subject)).ToList();
        if (medical && sector != "303" && rng.Chance(0.6)) candidates = candidates.Where(o => o.Type == OrganizationType.Hospital).ToList();
        var org = rng.Pick(candidates);
        return new OrganizationRef { Name = org.Name, Type = org.Type, Province = "Phú Thọ", Commune = org.Commune };
    }

    private string DecisionNumber(TaskLevel level) => level switch
    {
        TaskLevel.National => $"{rng.Between(100, 3999)}/QĐ-BKHCN",
        TaskLevel.Ministerial => $"{rng.Between(100, 3999)}/QĐ-BNN",
        TaskLevel.Grassroots => $"{rng.Between(10, 899)}/QĐ-SKHCN",
        _ => $"{rng.Between(100, 2999)}/QĐ-UBND",
    };

    /// <summary>Tens of millions (cơ sở) to tens of billions (quốc gia) of VND, whole millions; state ≤ total.</summary>
    private BudgetRecord Budget(TaskLevel level, TaskKind kind)
    {
        var (min, max) = level switch
        {
            TaskLevel.Grassroots => (30, 350),
            TaskLevel.Provincial => (300, 3_500),
            TaskLevel.Ministerial => (1_000, 9_000),
            _ => (3_000, 30_000),
        };
        var millions = rng.Between(min, max) * (kind == TaskKind.Program ? 2L : 1L);
        // Pilot production projects are co-funded by the host; most research is fully state funded.
        var statePercent = kind == TaskKind.PilotProductionProject ? rng.Between(30, 60) : rng.Chance(0.55) ? 100 : rng.Between(50, 95);
        return new BudgetRecord { TotalVnd = millions * 1_000_000, StateBudgetVnd = millions * statePercent / 100 * 1_000_000 };
    }
}
