using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>A request body and whether every correct service must refuse it (4xx).</summary>
public sealed record HostileBody(string Json, string Kind, bool MustRefuse);

/// <summary>
/// A valid record v1 with one hostile mutation: hostile text in a field (may be normalised or refused), a member
/// repeated in the same or another case, an unknown member, a wrong type, a huge or fractional number, an
/// impossible date, deep nesting (all must be refused).
/// </summary>
public static class HostileRecords
{
    private static readonly string[] TextFields = ["title", "titleEn", "summary", "objectives", "methods", "managingAgency", "expectedResults"];

    private static readonly string[] WrongValues = ["123", "true", "[]", "{}", "[\"a\"]", "{\"a\":1}", "\"\"", "1.5"];

    private static readonly string[] Numbers = ["1e400", "99999999999999999999999", "1.5", "-9223372036854775809", "\"12\"", "-1"];

    public static Gen<HostileBody> Bodies(Func<TaskRecord> baseRecord) =>
        Gen.Select(Gen.Int[0, 12], Hostile.Text, Gen.Int[0, 999], Gen.Int[1, 3000])
            .Select((kind, text, pick, depth) => Mutate(Members(baseRecord()), kind, text, pick, depth));

    /// <summary>The record's members in order, as raw JSON values.</summary>
    public static List<(string Name, string RawValue)> Members(TaskRecord record)
    {
        var node = JsonSerializer.SerializeToNode(record, RegistryJson.Options)!.AsObject();
        return node.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!.ToJsonString())).ToList();
    }

    private static HostileBody Mutate(List<(string Name, string RawValue)> m, int kind, string text, int pick, int depth)
    {
        var any = m[pick % m.Count];
        switch (kind)
        {
            case <= 3:
                var field = TextFields[pick % TextFields.Length];
                return new HostileBody(Build(Replace(m, field, Json.Quote(text))), $"text in {field}", false);
            case 4:
                var nested = (pick % 3) switch
                {
                    0 => ("hostOrganization", Json.Object([("name", Json.Quote(text)), ("type", "\"university\"")])),
                    1 => ("principalInvestigator", Json.Object([("name", Json.Quote(text))])),
                    _ => ("keywords", "[" + Json.Quote(text) + "]"),
                };
                return new HostileBody(Build(Replace(m, nested.Item1, nested.Item2)), $"text in {nested.Item1}", false);
            case 5:
                return new HostileBody(Build([.. m, (any.Name, Json.Quote(text))]), $"duplicate {any.Name}", true);
            case 6:
                return new HostileBody(Build([.. m, (OtherCase(any.Name, pick), any.RawValue)]), $"duplicate {any.Name} in another case", true);
            case 7:
                return new HostileBody(Build([.. m, (pick % 2 == 0 ? "extraField" : text, Json.Quote(text))]), "unknown member", true);
            case 8:
                var wrong = WrongValues[pick % WrongValues.Length];
                var target = new[] { "title", "fields", "startDate", "kind", "hostOrganization", "budget", "keywords" }[pick % 7];
                return new HostileBody(Build(Replace(m, target, wrong)), $"wrong type {target}={wrong}", !IsSameShape(target, wrong));
            case 9:
                var number = Numbers[pick % Numbers.Length];
                return new HostileBody(Build(Replace(m, "budget", $"{{\"totalVnd\":{number}}}")), $"budget {number}", number != "-1");
            case 10:
                var date = text.Length % 2 == 0 ? Hostile.DateSamples[pick % Hostile.DateSamples.Length] : text;
                var valid = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                return new HostileBody(Build(Replace(m, "startDate", Json.Quote(date))), $"startDate {date}", !valid);
            case 11:
                return new HostileBody(Build(Replace(m, "summary", Json.Nested(depth, pick % 2 == 0))), $"summary nested {depth}", true);
            default:
                var enumField = new[] { "kind", "level", "status" }[pick % 3];
                return new HostileBody(Build(Replace(m, enumField, Json.Quote(text))), $"{enumField} hostile", true);
        }
    }

    /// <summary>Only "[\"a\"]" for keywords / fields keeps the declared shape (an array of strings).</summary>
    /// <summary>Replacements that are still well-typed values: a keyword list, or an empty budget (every part optional).</summary>
    private static bool IsSameShape(string target, string wrong) =>
        (target, wrong) is ("keywords", "[]" or "[\"a\"]") or ("budget", "{}");

    public static string OtherCase(string name, int pick) =>
        pick % 2 == 0 ? name.ToUpperInvariant() : char.ToUpperInvariant(name[0]) + name[1..];

    public static List<(string Name, string RawValue)> Replace(List<(string Name, string RawValue)> members, string name, string raw)
    {
        var copy = members.Where(m => m.Name != name).ToList();
        copy.Insert(Math.Min(2, copy.Count), (name, raw));
        return copy;
    }

    public static string Build(IEnumerable<(string Name, string RawValue)> members) => Json.Object(members);

    public static TaskRecord Fresh() => TaskRecordBuilder.Valid();
}
