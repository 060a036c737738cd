using Registry.Data.Records;

namespace Registry.Data.Tests.Declarations;

public sealed class EnumLabelsTests
{
    [Fact]
    public void Every_enum_of_the_record_has_a_table()
    {
        var enums = EnumTypes(typeof(TaskRecord), []).ToHashSet();
        Assert.Subset(EnumLabels.Enums.ToHashSet(), enums);
        Assert.Equal(enums.Count, EnumLabels.Enums.Count);
    }

    private static IEnumerable<Type> EnumTypes(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type)) yield break;
        foreach (var property in type.GetProperties())
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (t.IsGenericType) t = t.GetGenericArguments()[0];
            if (t.IsEnum) yield return t;
            else if (t.Namespace == typeof(TaskRecord).Namespace && t.IsClass)
                foreach (var inner in EnumTypes(t, seen)) yield return inner;
        }
    }

    [Fact]
    public void Every_value_of_every_enum_has_both_labels_and_its_spellings_are_distinct()
    {
        Check<TaskKind>(); Check<TaskLevel>(); Check<Registry.Data.Records.TaskStatus>(); Check<SecurityClassification>();
        Check<Visibility>(); Check<OrganizationType>(); Check<AcceptanceRating>(); Check<OutputType>();
    }

    private static void Check<T>() where T : struct, Enum
    {
        var table = EnumLabels.For<T>();
        Assert.Equal(Enum.GetValues<T>(), table.Entries.Select(e => e.Value));
        Assert.All(table.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Label.Vi) || string.IsNullOrWhiteSpace(e.Label.En)));
        var spellings = table.Entries.SelectMany(e => e.Aliases.Prepend(e.Label.Vi)).Select(TextFolding.Key).ToList();
        Assert.Equal(spellings.Count, spellings.Distinct().Count());
    }

    [Fact]
    public void Keys_are_the_record_names_and_unknown_values_show_their_key()
    {
        Assert.Equal(new Label("Cấp tỉnh", "Provincial"), EnumLabels.Level.OfKey("provincial"));
        Assert.Null(EnumLabels.Level.OfKey("province"));
        Assert.Equal("Dự án khoa học và công nghệ", EnumLabels.Of(TaskKind.ScienceTechnologyProject).Vi);
        Assert.Equal("Science and technology project", EnumLabels.Of(TaskKind.ScienceTechnologyProject).En);
        Assert.Equal(new Label("42", "42"), EnumLabels.Of((TaskLevel)42));
    }
}
