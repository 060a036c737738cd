using System.Text;
using CsCheck;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>How a secret level is hidden from a reader that takes the first or the last of repeated values.</summary>
public enum Hiding
{
    None,
    RepeatedAfter,
    RepeatedBefore,
    OtherCaseAfter,
    CellOrder,
}

/// <summary>A state-secret record for one entrance, carrying a unique marker in several fields.</summary>
public sealed record SecretCase(string Entrance, string Marker, string Spelling, bool Numeric, Hiding Hiding)
{
    public override string ToString() => $"{Entrance} level={Spelling} hiding={Hiding} marker={Marker}";

    public TaskRecord Record(string? code = null) => new TaskRecordBuilder()
        .WithCode(code ?? $"ĐT-{Marker}")
        .WithTitle($"Nghiên cứu {Marker}")
        .With(r => r with { Summary = $"Nội dung {Marker}", Keywords = [Marker], PrincipalInvestigator = new PersonRecord { Name = $"Ông {Marker}" } })
        .Build();

    /// <summary>The record as JSON members with the level spelled and hidden as this case says.</summary>
    public string Json(string? code = null)
    {
        var members = HostileRecords.Members(Record(code)).Where(m => m.Name != "securityClassification").ToList();
        var level = Numeric ? Spelling : Generators.Json.Quote(Spelling);
        (string, string)[] classification = Hiding switch
        {
            Hiding.RepeatedAfter => [("securityClassification", level), ("securityClassification", "\"none\"")],
            Hiding.RepeatedBefore => [("securityClassification", "\"none\""), ("securityClassification", level)],
            Hiding.OtherCaseAfter => [("securityClassification", level), ("SecurityClassification", "\"none\"")],
            _ => [("securityClassification", level)],
        };
        members.InsertRange(Math.Min(3, members.Count), classification);
        return Generators.Json.Object(members);
    }
}

public static class SecretRecords
{
    private static readonly string[] Labels = ["Mật", "Tối mật", "Tuyệt mật"];

    private static readonly string[] Unaccented = ["Mat", "mat", "Toi mat", "toi mat", "Tuyet mat", "TUYET MAT"];

    private static readonly string[] EnumNames = ["confidential", "secret", "topSecret", "Confidential", "SECRET", "TopSecret", "topsecret", "TOPSECRET"];

    public static Gen<string> Spelling => Gen.Frequency(
        (3, Gen.OneOf(EnumNames)),
        (3, Gen.Select(Gen.OneOf(Labels), Gen.Int[0, 3]).Select((label, form) => form switch
        {
            0 => label,
            1 => label.Normalize(NormalizationForm.FormD),
            2 => label.ToUpperInvariant(),
            _ => " " + label.ToLowerInvariant().Normalize(NormalizationForm.FormD) + " ",
        })),
        (2, Gen.OneOf(Unaccented)));

    public static Gen<SecretCase> For(string entrance, params Hiding[] hidings) =>
        Gen.Select(Gen.ULong, Gen.Frequency((9, Spelling.Select(s => (s, false))), (1, Gen.OneOf("1", "2", "3").Select(s => (s, true)))), Gen.OneOf(hidings))
            .Select((id, level, hiding) => new SecretCase(entrance, $"MK{id:x16}N{Interlocked.Increment(ref _cases):x6}", level.Item1, level.Item2, hiding));

    /// <summary>
    /// Makes every marker unique in the process: generated ids repeat (small values above all, and while
    /// shrinking), and a marker stored by an earlier, failing case must not be blamed on a later one.
    /// </summary>
    private static int _cases;
}
