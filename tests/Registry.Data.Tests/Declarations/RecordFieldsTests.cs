using System.Reflection;
using System.Text.Json;
using Registry.Data.Import;
using Registry.Data.Records;

namespace Registry.Data.Tests.Declarations;

public sealed class RecordFieldsTests
{
    [Fact]
    public void Every_property_of_the_record_and_of_its_parts_has_exactly_one_declaration()
    {
        var problems = new List<string>();
        Check(typeof(TaskRecord), RecordFields.All, "", problems);
        Assert.Empty(problems);
    }

    private static void Check(Type type, IReadOnlyList<RecordField> declared, string prefix, List<string> problems)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.Name != "EqualityContract")
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        problems.AddRange(properties.Keys.Except(declared.Select(f => f.Name)).Select(n => $"{prefix}{n} has no declaration"));
        problems.AddRange(declared.Select(f => f.Name).Except(properties.Keys).Select(n => $"{prefix}{n} is declared but not in {type.Name}"));
        problems.AddRange(declared.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => $"{prefix}{g.Key} is declared twice"));
        foreach (var field in declared.Where(f => properties.ContainsKey(f.Name)))
        {
            var partType = ObjectType(properties[field.Name].PropertyType);
            if (partType is null && field.Parts.Count > 0) problems.Add($"{prefix}{field.Name} holds a value but declares parts");
            if (partType is not null) Check(partType, field.Parts, $"{prefix}{field.Name}.", problems);
        }
    }

    /// <summary>The record type a property holds (itself or as list items), or null for a value.</summary>
    private static Type? ObjectType(Type type)
    {
        var item = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;
        return item.Namespace == typeof(TaskRecord).Namespace && item.IsClass ? item : null;
    }

    [Fact]
    public void Every_text_a_curator_writes_has_a_length_limit()
    {
        var unlimited = Texts(typeof(TaskRecord), RecordFields.All, "")
            .Where(f => f.Field.Access is FieldAccess.Public or FieldAccess.CuratorOnly && f.Field.MaxLength is null)
            .Select(f => f.Path).ToList();
        Assert.Empty(unlimited);
    }

    private static IEnumerable<(string Path, RecordField Field)> Texts(Type type, IReadOnlyList<RecordField> fields, string prefix)
    {
        foreach (var field in fields)
        {
            var property = type.GetProperties().Single(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == field.Name);
            if (property.PropertyType == typeof(string) || property.PropertyType == typeof(IReadOnlyList<string>))
                yield return (prefix + field.Name, field);
            else if (ObjectType(property.PropertyType) is { } part)
                foreach (var text in Texts(part, field.Parts, $"{prefix}{field.Name}.")) yield return text;
        }
    }

    [Fact]
    public void Import_headers_and_aliases_stay_distinct_after_folding()
    {
        var keys = RecordFields.Columns.SelectMany(c => new[] { c.Header, c.Alias }).Select(TextFolding.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.NotEqual("", k));
        Assert.All(RecordFields.Columns, c => Assert.Same(c, ImportColumns.Find(c.Header)));
    }

    [Fact]
    public void Contacts_and_input_only_fields_never_reach_an_export_column()
    {
        Assert.All(PersonFields.All.Where(f => f.Access == FieldAccess.CuratorOnly), f => Assert.Empty(f.Columns));
        Assert.All(RecordFields.SecurityClassification.Columns, c => Assert.False(c.Exported));
        var record = Infrastructure.TestRecords.Valid();
        var cells = string.Join("|", RecordFields.Columns.Where(c => c.Exported).Select(c => c.Write(record)));
        Assert.DoesNotContain("@", cells);
        Assert.DoesNotContain(record.PrincipalInvestigator!.Phone!, cells);
    }

    [Fact]
    public void Descriptions_put_Vietnamese_first()
    {
        Assert.Equal("Tên nhiệm vụ (Title).", RecordFields.Title.Description);
        Assert.Equal("Ngày bắt đầu (Start date): theo kế hoạch (planned).", RecordFields.StartDate.Description);
    }

    [Fact]
    public void The_validator_enforces_the_declared_limits_and_names_the_field()
    {
        var record = Infrastructure.TestRecords.Valid() with
        {
            Title = new string('a', RecordFields.Title.MaxLength!.Value + 1),
            Keywords = [.. Enumerable.Range(0, RecordFields.Keywords.MaxItems!.Value + 1).Select(i => $"từ {i}")],
            Members = [new PersonRecord()],
        };
        var errors = Validation.TaskRecordValidator.Validate(record);

        Assert.Contains(errors, e => e.Path == "title" && e.Message.Contains($"tối đa {RecordFields.Title.MaxLength}"));
        Assert.Contains(errors, e => e.Path == "keywords" && e.Message.StartsWith($"Tối đa {RecordFields.Keywords.MaxItems} từ khóa"));
        Assert.Contains(errors, e => e.Path == "members[0].name" && e.Message == "Bắt buộc nhập họ tên (members[0].name is required)");
    }
}
