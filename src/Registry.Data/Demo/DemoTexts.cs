using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Demo;

/// <summary>Composes the texts Circular 14/2014 asks to publish, 2–4 sentences each, from the field's templates.</summary>
internal static class DemoTexts
{
    public static TaskRecord Fill(DemoRandom rng, TaskRecord record, string sector, string subject, string place, int months)
    {
        var f = DemoText.ByField[sector[0]];
        string Say(string template) => DemoTitles.Capitalize(string.Format(template, subject, place, months));
        string Some(string[] templates, int min, int max) => string.Join(" ", rng.Sample(templates, rng.Between(min, max)).Select(Say));

        var finished = record.Status is TaskStatus.Accepted or TaskStatus.ResultsRegistered or TaskStatus.Applied;
        var summary = $"{Some(f.Context, 1, 2)} Nhiệm vụ được thực hiện trong {months} tháng {place}. {Say(rng.Pick(f.Impacts))}";
        return record with
        {
            Summary = summary,
            Objectives = Some(f.Aims, 2, 2),
            Methods = Some(f.Methods, 2, 3),
            ExpectedResults = Some(f.Results, 2, 3),
            Results = finished ? $"Nhiệm vụ đã hoàn thành các nội dung đăng ký về {subject}. {Say(rng.Pick(f.Results))}" : null,
            ApplicationPotential = finished ? Say(rng.Pick(f.Impacts)) : null,
        };
    }
}
