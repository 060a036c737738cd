using System.Globalization;
using CsCheck;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>
/// A valid coverage item (POST /api/v1/tasks/{id}/coverage) with one hostile mutation: hostile text in the outlet,
/// title or link (may be accepted only clean), a repeated or unknown member, a wrong type, a hostile date or kind,
/// deep nesting (all must be refused). Each body has its own link so that no case is refused as a duplicate.
/// </summary>
public static class HostileCoverage
{
    private static readonly string[] WrongValues = ["123", "true", "[]", "{}", "[\"a\"]", "{\"a\":1}", "1.5", "null"];

    private static readonly string[] LinkPrefixes =
        ["https://baophutho.vn/tin/", "http://", "javascript:", "https://user:pw@baophutho.vn/", "data:text/html,", "", "HTTPS://WWW.BAOPHUTHO.VN/"];

    public static Gen<HostileBody> Bodies { get; } =
        Gen.Select(Gen.Int[0, 9], Hostile.Text, Gen.Int[0, 999], Gen.Int[1, 3000], Gen.Int[0, int.MaxValue])
            .Select((kind, text, pick, depth, unique) => Mutate(kind, text, pick, depth, unique));

    private static HostileBody Mutate(int kind, string text, int pick, int depth, int unique)
    {
        var url = Json.Quote($"https://baophutho.vn/khoa-hoc/tin-{unique}.html");
        List<(string Name, string RawValue)> m =
            [("url", url), ("outlet", "\"Báo Phú Thọ\""), ("kind", "\"press\""), ("date", "\"2025-03-12\""), ("title", "\"Giống chè mới\"")];
        switch (kind)
        {
            case <= 2:
                var field = pick % 2 == 0 ? "outlet" : "title";
                return new HostileBody(HostileRecords.Build(HostileRecords.Replace(m, field, Json.Quote(text))), $"text in {field}", false);
            case 3:
                var link = LinkPrefixes[pick % LinkPrefixes.Length] + text + unique.ToString(CultureInfo.InvariantCulture);
                return new HostileBody(HostileRecords.Build(HostileRecords.Replace(m, "url", Json.Quote(link))), "hostile url", false);
            case 4:
                var any = m[pick % m.Count];
                return new HostileBody(HostileRecords.Build([.. m, (pick % 3 == 0 ? HostileRecords.OtherCase(any.Name, pick) : any.Name, Json.Quote(text))]),
                    $"duplicate {any.Name}", true);
            case 5:
                return new HostileBody(HostileRecords.Build([.. m, (pick % 2 == 0 ? "likes" : text, Json.Nested(Math.Min(depth, 20), pick % 2 == 0))]), "unknown member", true);
            case 6:
                var target = new[] { "url", "kind", "date" }[pick % 3];
                var wrong = WrongValues[pick % WrongValues.Length];
                return new HostileBody(HostileRecords.Build(HostileRecords.Replace(m, target, wrong)), $"wrong type {target}={wrong}", true);
            case 7:
                var date = text.Length % 2 == 0 ? Hostile.DateSamples[pick % Hostile.DateSamples.Length] : text;
                var valid = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    && d <= DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
                return new HostileBody(HostileRecords.Build(HostileRecords.Replace(m, "date", Json.Quote(date))), $"date {date}", !valid);
            case 8:
                return new HostileBody(HostileRecords.Build(HostileRecords.Replace(m, "kind", Json.Quote(text))), "kind hostile", true);
            default:
                return new HostileBody(HostileRecords.Build(HostileRecords.Replace(m, "title", Json.Nested(depth, pick % 2 == 0))), $"title nested {depth}", true);
        }
    }
}
