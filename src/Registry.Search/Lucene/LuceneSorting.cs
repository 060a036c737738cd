using System.Globalization;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;
using LuceneSortField = global::Lucene.Net.Search.SortField;

namespace Registry.Search.Lucene;

/// <summary>Lucene sorts for <see cref="SearchSort"/> (always ending with the id) and search_after cursors.</summary>
internal static class LuceneSorting
{
    public static Sort Build(SearchSort sort, bool hasQuery)
    {
        var desc = sort.Direction == SortDirection.Descending;
        var primary = sort.Field == SortBy.Relevance && hasQuery
            ? new LuceneSortField(null, SortFieldType.SCORE, !desc)
            : Numeric(IndexFields.SortedBy(sort.Field), desc);
        return new Sort(primary, new LuceneSortField(F.Id, SortFieldType.STRING));
    }

    /// <summary>Reads the field's numeric doc values as its declared width. A task without the value sorts as 0:
    /// last when descending, first when ascending.</summary>
    private static LuceneSortField Numeric(IndexField field, bool desc) =>
        new(field.Name, field.Kind == IndexFieldKind.Int32 ? SortFieldType.INT32 : SortFieldType.INT64, desc);

    public static string Encode(SearchSort sort, FieldDoc last) =>
        new SearchCursor(sort.ToString(), last.Fields.Select(Format).ToList()).Encode();

    private static string? Format(object? value) => value switch
    {
        // Lucene.NET boxes sort values as J2N numbers.
        J2N.Numerics.Single f => f.ToSingle().ToString("R", CultureInfo.InvariantCulture),
        J2N.Numerics.Int32 i => i.ToInt32().ToString(CultureInfo.InvariantCulture),
        J2N.Numerics.Int64 l => l.ToInt64().ToString(CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        BytesRef b => b.Utf8ToString(),
        null => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Rebuilds the last hit's sort values; throws <see cref="InvalidSearchRequestException"/> on mismatch.</summary>
    public static FieldDoc Decode(string cursor, SearchSort sort, Sort luceneSort)
    {
        var decoded = SearchCursor.Decode(cursor, sort);
        var fields = luceneSort.GetSort();
        if (decoded.Values.Count != fields.Length) throw Invalid();
        var values = new object?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var text = decoded.Values[i];
            values[i] = fields[i].Type switch
            {
                SortFieldType.SCORE when float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) => J2N.Numerics.Single.GetInstance(f),
                SortFieldType.INT32 when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => J2N.Numerics.Int32.GetInstance(n),
                SortFieldType.INT64 when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => J2N.Numerics.Int64.GetInstance(l),
                SortFieldType.STRING when text is not null => new BytesRef(text),
                _ => throw Invalid(),
            };
        }
        var score = values[0] is J2N.Numerics.Single s ? s.ToSingle() : float.NaN;
        // The doc id only breaks ties between identical sort values; the id field makes those unique.
        return new FieldDoc(int.MaxValue, score, values);
    }

    private static InvalidSearchRequestException Invalid() =>
        new("cursor", "Con trỏ không hợp lệ (invalid cursor): restart from the first page.");
}
