using System.Globalization;
using System.Text.Json;
using GraphQL.Types;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Api.GraphQL.Common;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>
/// The search filters, one input field per entry of <see cref="SearchFilters.All"/>: the list that drives REST
/// validation and both engines also drives this type, so the two APIs cannot drift apart.
/// </summary>
public sealed class TaskFilterInputType : InputObjectGraphType
{
    public TaskFilterInputType()
    {
        Name = "TaskFilter";
        Description = "Bộ lọc: các giá trị của một bộ lọc được nối bằng HOẶC, các bộ lọc khác nhau bằng VÀ (values of one filter are OR-ed, filters AND-ed).";
        foreach (var filter in SearchFilters.All)
        {
            AddField(new FieldType
            {
                Name = filter.Name,
                Type = GraphTypeOf(filter),
                Description = $"{filter.Description} Ví dụ (example): {filter.Example}." +
                    (filter.Kind == FilterKind.Enum ? $" Giá trị (values): {string.Join(" | ", filter.AllowedValues!)}." : ""),
            });
        }
    }

    /// <summary>
    /// The record enums behind the enum filters: a filter's values are the enum type the <c>Task</c> output uses, so a
    /// client's tools know the values and a wrong one fails validation naming them. Checked when the type is built:
    /// an enum filter without a type here, or whose values differ from the filter's list, stops the schema.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (Type GraphType, IEnumerable<string> Names)> EnumFilters =
        new Dictionary<string, (Type, IEnumerable<string>)>
        {
            [SearchFilters.Level.Name] = (typeof(RecordEnumType<TaskLevel>), Enum.GetValues<TaskLevel>().Select(EnumLabels.Key)),
            [SearchFilters.Kind.Name] = (typeof(RecordEnumType<TaskKind>), Enum.GetValues<TaskKind>().Select(EnumLabels.Key)),
            [SearchFilters.Status.Name] = (typeof(RecordEnumType<Registry.Data.Records.TaskStatus>), Enum.GetValues<Registry.Data.Records.TaskStatus>().Select(EnumLabels.Key)),
        };

    private static Type GraphTypeOf(SearchFilter filter) => filter.Kind switch
    {
        FilterKind.Enum => typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(EnumTypeOf(filter))),
        FilterKind.IntRange => typeof(LongGraphType),
        FilterKind.Bool => typeof(BooleanGraphType),
        FilterKind.DateTimeRange => typeof(DateTimeOffsetGraphType),
        _ when filter.MultiValued => typeof(ListGraphType<NonNullGraphType<StringGraphType>>),
        _ => typeof(StringGraphType),
    };

    private static Type EnumTypeOf(SearchFilter filter)
    {
        if (!EnumFilters.TryGetValue(filter.Name, out var entry))
            throw new InvalidOperationException($"The enum filter '{filter.Name}' has no GraphQL enum type in {nameof(TaskFilterInputType)}.");
        if (!entry.Names.SequenceEqual(filter.AllowedValues ?? []))
            throw new InvalidOperationException($"The GraphQL enum of filter '{filter.Name}' differs from the filter's values ({string.Join(", ", filter.AllowedValues ?? [])}).");
        return entry.GraphType;
    }

    /// <summary>Turns the parsed input back into (name, value) pairs for <see cref="SearchFilterSet.Parse"/>.</summary>
    public static SearchFilterSet ToFilterSet(IDictionary<string, object?>? input, out IReadOnlyList<FieldError> errors)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in input ?? new Dictionary<string, object?>())
        {
            if (value is null) continue;
            var values = value is IEnumerable<object?> list && value is not string ? list : [value];
            pairs.AddRange(values.Where(v => v is not null).Select(v => KeyValuePair.Create(name, (string?)Text(v!))));
        }

        var set = SearchFilterSet.Parse(pairs, out var problems);
        errors = problems.SelectMany(p => p.Value.Select(m => new FieldError("filter." + p.Key, m))).ToList();
        return set;
    }

    private static string Text(object value) => value switch
    {
        DateTimeOffset t => t.ToString("o", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("o", CultureInfo.InvariantCulture),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        bool b => SearchFilters.FlagTerm(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Sort order of a search: the same fields as REST <c>sort</c>; the task id breaks ties.</summary>
public sealed class TaskOrderInputType : InputObjectGraphType
{
    public TaskOrderInputType()
    {
        Name = "TaskOrder";
        Description = "Thứ tự sắp xếp (sort order); mặc định: phù hợp nhất trước (default: best match first).";
        Field<NonNullGraphType<RecordEnumType<SortBy>>>("field").Description("Sắp xếp theo (sort by).");
        Field<RecordEnumType<SortDirection>>("direction").Description("Chiều, mặc định giảm dần (direction, default descending).");
    }

    public static SearchSort ToSort(IDictionary<string, object?>? input) =>
        input is null || !input.TryGetValue("field", out var f) || f is not SortBy field
            ? SearchSort.Default
            : new SearchSort(field, input.TryGetValue("direction", out var d) && d is SortDirection direction ? direction : SortDirection.Descending);
}
