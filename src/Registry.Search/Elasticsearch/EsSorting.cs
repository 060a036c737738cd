using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Sorts for <see cref="SearchSort"/>, each ending with the task id so paging is stable, and the
/// <c>search_after</c> values of an opaque <see cref="SearchCursor"/>. Like the Lucene engine, a task without
/// the sorted value sorts as 0 (last when descending, first when ascending).
/// </summary>
internal static class EsSorting
{
    private enum Kind { Score, Number, Text }

    public static List<SortOptions> Build(SearchSort sort, bool hasQuery) =>
        Layout(sort, hasQuery).Select(s => s.Kind == Kind.Score
                ? new SortOptions { Score = new ScoreSort { Order = s.Order } }
                : (SortOptions)new FieldSort(s.Field!) { Order = s.Order, Missing = s.Kind == Kind.Number ? 0 : null })
            .ToList();

    public static string Encode(SearchSort sort, IReadOnlyCollection<FieldValue> values) =>
        new SearchCursor(sort.ToString(), values.Select(Format).ToList()).Encode();

    /// <summary>The search_after values of a cursor; throws <see cref="InvalidSearchRequestException"/> when the
    /// cursor is malformed, belongs to another sort, or does not fit this sort's layout.</summary>
    public static List<FieldValue> Decode(string cursor, SearchSort sort, bool hasQuery)
    {
        var decoded = SearchCursor.Decode(cursor, sort);
        var layout = Layout(sort, hasQuery);
        if (decoded.Values.Count != layout.Count) throw Invalid();
        return layout.Select((s, i) => Parse(s.Kind, decoded.Values[i])).ToList();
    }

    private static List<(Kind Kind, string? Field, SortOrder Order)> Layout(SearchSort sort, bool hasQuery)
    {
        var order = sort.Direction == SortDirection.Descending ? SortOrder.Desc : SortOrder.Asc;
        (Kind, string?, SortOrder) primary = sort.Field == SortBy.Relevance && hasQuery
            ? (Kind.Score, null, order)
            : (Kind.Number, IndexFields.SortedBy(sort.Field).Name, order);
        return [primary, (Kind.Text, F.Id, SortOrder.Asc)];
    }

    private static FieldValue Parse(Kind kind, string? text) => kind switch
    {
        Kind.Score when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => FieldValue.Double(d),
        Kind.Number when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => FieldValue.Long(n),
        Kind.Text when text is not null => FieldValue.String(text),
        _ => throw Invalid(),
    };

    private static string? Format(FieldValue value) => value.Kind switch
    {
        FieldValue.ValueKind.Double => ((double)value.Value!).ToString("R", CultureInfo.InvariantCulture),
        FieldValue.ValueKind.Long => ((long)value.Value!).ToString(CultureInfo.InvariantCulture),
        FieldValue.ValueKind.String => (string)value.Value!,
        FieldValue.ValueKind.Boolean => (bool)value.Value! ? "true" : "false",
        _ => null,
    };

    private static InvalidSearchRequestException Invalid() =>
        new("cursor", "Con trỏ không hợp lệ (invalid cursor): restart from the first page.");
}
