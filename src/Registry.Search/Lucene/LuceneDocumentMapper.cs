using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// Turns a <see cref="SearchDocument"/> into Lucene fields: the declared fields of <see cref="IndexFields"/> by
/// their kind and doc values, then the text, whose layout is <see cref="LuceneText"/>'s own.
/// </summary>
internal static class LuceneDocumentMapper
{
    /// <summary>The document is built from this thread's <see cref="FieldPool"/>: index it before the next call.</summary>
    public static Document ToLucene(SearchDocument d)
    {
        var pool = FieldPool.ForNewDocument();
        var doc = new Document();
        foreach (var field in IndexFields.All)
        {
            if (field.Kind == IndexFieldKind.Text) continue;
            if (field.IsNumeric) AddNumber(doc, pool, field, field.Number(d));
            else AddStrings(doc, pool, field, field.Strings(d));
        }
        AddText(doc, pool, d);
        return doc;
    }

    /// <summary>Every declared text field, each value to the fields of its part (<see cref="TextLayout.Fields"/>).</summary>
    private static void AddText(Document doc, FieldPool pool, SearchDocument d)
    {
        foreach (var field in IndexFields.Text)
            foreach (var value in field.Strings(d))
                LuceneText.Add(doc, pool, value, field.Part!.Value);
    }

    /// <summary>Keyword, flag, suggestion and source values: a term (pooled), stored when declared, and doc values.</summary>
    private static void AddStrings(Document doc, FieldPool pool, IndexField field, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (field.Kind == IndexFieldKind.Source)
            {
                doc.Add(new StoredField(field.Name, value));
                continue;
            }
            if (field.Indexed) doc.Add(pool.String(field.Name, value, field.Stored ? Field.Store.YES : Field.Store.NO));
            switch (field.DocValues)
            {
                case IndexDocValues.Sorted: doc.Add(new SortedDocValuesField(field.Name, new BytesRef(value))); break;
                case IndexDocValues.SortedSet: doc.Add(new SortedSetDocValuesField(field.Name, new BytesRef(value))); break;
                case IndexDocValues.None: break;
                default: throw Unsupported(field);
            }
        }
    }

    /// <summary>A numeric value: a trie-encoded point (pooled) for ranges, and the number (sorts) or its digits
    /// (facets) as doc values.</summary>
    private static void AddNumber(Document doc, FieldPool pool, IndexField field, long? number)
    {
        if (number is not { } value) return;
        doc.Add(field.Kind == IndexFieldKind.Int32 ? pool.Int32(field.Name, checked((int)value)) : pool.Int64(field.Name, value));
        switch (field.DocValues)
        {
            case IndexDocValues.Numeric: doc.Add(new NumericDocValuesField(field.Name, value)); break;
            case IndexDocValues.SortedSet:
                doc.Add(new SortedSetDocValuesField(field.Name, new BytesRef(value.ToString(CultureInfo.InvariantCulture))));
                break;
            case IndexDocValues.None: break;
            default: throw Unsupported(field);
        }
    }

    private static InvalidOperationException Unsupported(IndexField field) =>
        new($"Index field {field} declares doc values {field.DocValues}, which the Lucene engine does not write for that kind.");
}
