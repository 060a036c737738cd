using Lucene.Net.Documents;
using Lucene.Net.Util;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;

namespace Registry.Search.Lucene;

/// <summary>Turns a <see cref="SearchDocument"/> into Lucene fields (see <see cref="SearchFields"/> for the layout).</summary>
internal static class LuceneDocumentMapper
{
    public static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(F.Id, d.Id, Field.Store.YES),
            new SortedDocValuesField(F.Id, new BytesRef(d.Id)),
            new StringField(F.Code, d.Code, Field.Store.NO),
            new StringField(F.CodeKey, d.CodeKey, Field.Store.NO),
            new StringField(F.Transferable, SearchFilters.FlagTerm(d.Transferable), Field.Store.NO),
            new Int64Field(F.UpdatedAt, d.UpdatedAtMs, Field.Store.NO),
            new NumericDocValuesField(F.UpdatedAt, d.UpdatedAtMs),
            new StoredField(F.Source, d.SourceJson),
        };
        AddText(doc, F.Title, [d.Title]);
        AddText(doc, F.Keywords, d.Keywords);
        AddText(doc, F.Summary, [d.Summary]);
        AddText(doc, F.OrganizationName, d.OrganizationName is null ? [] : [d.OrganizationName]);
        AddText(doc, F.Body, d.Body);
        if (d.OrganizationId is not null) doc.Add(new StringField(F.OrganizationId, d.OrganizationId, Field.Store.NO));
        if (d.OrganizationFacet is { } org) doc.Add(new SortedSetDocValuesField(F.OrganizationFacet, new BytesRef(org)));
        foreach (var p in d.FieldPrefixes) doc.Add(new StringField(F.FieldPrefix, p, Field.Store.NO));
        AddKeywords(doc, F.FieldLevel1, d.FieldsLevel1);
        AddKeywords(doc, F.Sector, d.Sectors);
        AddKeywords(doc, F.Level, d.Level is null ? [] : [d.Level]);
        AddKeywords(doc, F.Kind, d.Kind is null ? [] : [d.Kind]);
        AddKeywords(doc, F.Status, d.Status is null ? [] : [d.Status]);
        if (d.StartYear is { } year)
        {
            doc.Add(new Int32Field(F.StartYear, year, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(F.StartYear, new BytesRef(year.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        AddNumber(doc, F.StartDay, d.StartDay);
        AddNumber(doc, F.EndDay, d.EndDay);
        if (d.BudgetTotal is { } budget)
        {
            doc.Add(new Int64Field(F.BudgetTotal, budget, Field.Store.NO));
            doc.Add(new NumericDocValuesField(F.BudgetTotal, budget));
        }
        foreach (var s in SuggestTerms(d)) doc.Add(new StringField(F.Suggest, s, Field.Store.NO));
        return doc;
    }

    /// <summary>
    /// Each text goes to original and folded fields, plus their two-syllable shingles except for the long body
    /// (shingles there cost the most indexing time and barely change rankings).
    /// </summary>
    private static void AddText(Document doc, string name, IEnumerable<string> values)
    {
        foreach (var v in values.Where(v => v.Length > 0))
        {
            doc.Add(new TextField(name, v, Field.Store.NO));
            doc.Add(new TextField(name + F.FoldedSuffix, v, Field.Store.NO));
            if (!F.HasShingles(name)) continue;
            doc.Add(new TextField(name + F.ShingleSuffix, v, Field.Store.NO));
            doc.Add(new TextField(name + F.FoldedShingleSuffix, v, Field.Store.NO));
        }
    }

    private static void AddKeywords(Document doc, string name, IEnumerable<string> values)
    {
        foreach (var v in values)
        {
            doc.Add(new StringField(name, v, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(name, new BytesRef(v)));
        }
    }

    private static void AddNumber(Document doc, string name, int? value)
    {
        if (value is not { } v) return;
        doc.Add(new Int32Field(name, v, Field.Store.NO));
        doc.Add(new NumericDocValuesField(name, v));
    }

    /// <summary>
    /// Suggestion terms "folded words\u001Fdisplay\u001Fsource", one per word start of titles, keywords and the
    /// organisation name, so "doi so" completes "Chuyển đổi số …" as well as "chuyen doi so".
    /// </summary>
    internal static IEnumerable<string> SuggestTerms(SearchDocument d)
    {
        var phrases = new List<(string Text, string Source)> { (d.Title, "title") };
        phrases.AddRange(d.Keywords.Select(k => (k, "keyword")));
        if (d.OrganizationName is { } org) phrases.Add((org, "organization"));
        var seen = new HashSet<string>();
        foreach (var (text, source) in phrases.Where(p => p.Text.Length > 0))
        {
            var display = text.Length > 200 ? text[..200] : text;
            var words = VietnameseText.Tokenize(text).Take(30).Select(VietnameseText.FoldToken).ToList();
            for (var start = 0; start < Math.Min(words.Count, 12); start++)
            {
                var key = string.Join(' ', words.Skip(start));
                var term = Suggestions.Term(key.Length > 120 ? key[..120] : key, display, source);
                if (seen.Add(term)) yield return term;
            }
        }
    }
}
