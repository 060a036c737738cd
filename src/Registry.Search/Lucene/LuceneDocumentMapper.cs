using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Lucene;

/// <summary>Turns a <see cref="SearchDocument"/> into Lucene fields (see <see cref="SearchFields"/> for the layout).</summary>
internal static class LuceneDocumentMapper
{
    /// <summary>The document is built from this thread's <see cref="FieldPool"/>: index it before the next call.</summary>
    public static Document ToLucene(SearchDocument d)
    {
        var pool = FieldPool.ForNewDocument();
        var doc = new Document
        {
            pool.String(F.Id, d.Id, Field.Store.YES),
            new SortedDocValuesField(F.Id, new BytesRef(d.Id)),
            pool.String(F.Code, d.Code, Field.Store.NO),
            pool.String(F.CodeKey, d.CodeKey, Field.Store.NO),
            pool.String(F.Transferable, SearchFilters.FlagTerm(d.Transferable), Field.Store.NO),
            pool.Int64(F.UpdatedAt, d.UpdatedAtMs),
            new NumericDocValuesField(F.UpdatedAt, d.UpdatedAtMs),
            new StoredField(F.Source, d.SourceJson),
        };
        LuceneText.Add(doc, pool, d.Title, TextLayout.Part.Head);
        foreach (var keyword in d.Keywords) LuceneText.Add(doc, pool, keyword, TextLayout.Part.Head);
        LuceneText.Add(doc, pool, d.Summary, TextLayout.Part.Text);
        if (d.OrganizationName is { } organization) LuceneText.Add(doc, pool, organization, TextLayout.Part.Text);
        foreach (var place in d.Places) LuceneText.Add(doc, pool, place, TextLayout.Part.Text);
        foreach (var text in d.Body) LuceneText.Add(doc, pool, text, TextLayout.Part.Body);
        if (d.OrganizationId is not null) doc.Add(pool.String(F.OrganizationId, d.OrganizationId, Field.Store.NO));
        if (d.OrganizationFacet is { } org) doc.Add(new SortedSetDocValuesField(F.OrganizationFacet, new BytesRef(org)));
        foreach (var p in d.FieldPrefixes) doc.Add(pool.String(F.FieldPrefix, p, Field.Store.NO));
        AddKeywords(doc, pool, F.FieldLevel1, d.FieldsLevel1);
        AddKeywords(doc, pool, F.Sector, d.Sectors);
        AddKeywords(doc, pool, F.Level, d.Level is null ? [] : [d.Level]);
        AddKeywords(doc, pool, F.Kind, d.Kind is null ? [] : [d.Kind]);
        AddKeywords(doc, pool, F.Status, d.Status is null ? [] : [d.Status]);
        if (d.StartYear is { } year)
        {
            doc.Add(pool.Int32(F.StartYear, year));
            doc.Add(new SortedSetDocValuesField(F.StartYear, new BytesRef(year.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        AddNumber(doc, pool, F.StartDay, d.StartDay);
        AddNumber(doc, pool, F.EndDay, d.EndDay);
        if (d.BudgetTotal is { } budget)
        {
            doc.Add(pool.Int64(F.BudgetTotal, budget));
            doc.Add(new NumericDocValuesField(F.BudgetTotal, budget));
        }
        foreach (var (field, term) in SuggestTerms(d)) doc.Add(pool.String(field, term, Field.Store.NO));
        return doc;
    }

    private static void AddKeywords(Document doc, FieldPool pool, string name, IEnumerable<string> values)
    {
        foreach (var v in values)
        {
            doc.Add(pool.String(name, v, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(name, new BytesRef(v)));
        }
    }

    private static void AddNumber(Document doc, FieldPool pool, string name, int? value)
    {
        if (value is not { } v) return;
        doc.Add(pool.Int32(name, v));
        doc.Add(new NumericDocValuesField(name, v));
    }

    /// <summary>
    /// Suggestion terms "folded words\u001Fdisplay\u001Fsource" and the field each goes to. Keywords and the
    /// organisation name give one term per word start (up to 12) in <see cref="F.Suggest"/>, so "doi so" completes
    /// "chuyển đổi số" as well as "chuyen doi so"; these phrases are a small vocabulary shared by many tasks. The
    /// title gives one term, from its start only, in <see cref="F.SuggestTitle"/>: titles are nearly all unique, and
    /// a term per word of every title made up most of the suggestion index while rarely winning a place.
    /// </summary>
    internal static IEnumerable<(string Field, string Term)> SuggestTerms(SearchDocument d)
    {
        static List<string> Words(string text) => VietnameseText.Tokenize(text).Take(30).Select(VietnameseText.FoldToken).ToList();
        static string Term(IEnumerable<string> words, string text, string source)
        {
            var key = string.Join(' ', words);
            return Suggestions.Term(key.Length > 120 ? key[..120] : key, text.Length > 200 ? text[..200] : text, source);
        }

        if (d.Title.Length > 0 && Words(d.Title) is { Count: > 0 } titleWords)
            yield return (F.SuggestTitle, Term(titleWords, d.Title, "title"));
        var phrases = d.Keywords.Select(k => (Text: k, Source: "keyword")).ToList();
        if (d.OrganizationName is { } org) phrases.Add((org, "organization"));
        var seen = new HashSet<string>();
        foreach (var (text, source) in phrases.Where(p => p.Text.Length > 0))
        {
            var words = Words(text);
            for (var start = 0; start < Math.Min(words.Count, 12); start++)
            {
                var term = Term(words.Skip(start), text, source);
                if (seen.Add(term)) yield return (F.Suggest, term);
            }
        }
    }
}
