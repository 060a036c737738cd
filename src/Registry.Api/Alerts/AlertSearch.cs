using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Registry.Api.Search;
using Registry.Data;
using Registry.Search.Model;

namespace Registry.Api.Alerts;

/// <summary>
/// A saved search: <c>q</c> and the REST search's filters, read by the one search reader
/// (<see cref="SearchRequestReader"/>) so it is validated exactly like <c>GET /api/v1/tasks</c>, and kept as a
/// canonical query string.
/// </summary>
public static class AlertSearch
{
    /// <summary>Text and filters only: sorting, paging and facets mean nothing for an alert.</summary>
    public static readonly SearchSurface Surface = new(SearchPaging.Fixed(SearchRequest.MaxPageSize), SearchParts.None);

    /// <summary>Reads (name, value) pairs; returns the canonical query string or the parameter → messages to fix.</summary>
    public static string? Read(IEnumerable<KeyValuePair<string, string?>> pairs, out IReadOnlyDictionary<string, string[]> errors)
    {
        var list = pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Key.Trim(), p.Value!.Trim())).ToList();
        // A GET search never gets here with control, bidi or zero-width characters (the HTTP edge refuses them in the
        // query string); a saved search arrives in a JSON body or a form, so the same rule is applied here.
        if (list.FirstOrDefault(p => !Http.UnsafeText.IsSafe(p.Key) || !Http.UnsafeText.IsSafe(p.Value)) is { Key: not null } unsafeParameter)
        {
            errors = new Dictionary<string, string[]>
            {
                [unsafeParameter.Key] = ["Tìm kiếm có ký tự điều khiển hoặc ký tự ẩn; hãy xoá chúng (the search has control or hidden characters; remove them)"],
            };
            return null;
        }
        var query = new QueryCollection(list.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new StringValues(g.Select(p => p.Value).ToArray()), StringComparer.OrdinalIgnoreCase));
        var read = SearchRequestReader.Read(query, Surface);
        errors = read.Errors;
        if (!read.IsValid) return null;
        var canonical = QueryHelpers.AddQueryString("", list.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).TrimStart('?');
        if (canonical.Length > TextLimits.Url)
        {
            errors = new Dictionary<string, string[]>
            {
                ["search"] = [$"Tìm kiếm quá dài để lưu; tối đa {TextLimits.Url} ký tự (the saved search is too long; at most {TextLimits.Url} characters)"],
            };
            return null;
        }
        return canonical;
    }

    /// <summary>The engine request of a stored search (stored searches were validated when saved).</summary>
    public static SearchRequest ToRequest(string stored, out IReadOnlyDictionary<string, string[]> errors)
    {
        var read = SearchRequestReader.Read(new QueryCollection(QueryHelpers.ParseQuery(stored)), Surface);
        errors = read.Errors;
        return read.Request;
    }

    /// <summary>The stored search as pairs (for the subscribe page's hidden fields and links).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Pairs(string stored) =>
        QueryHelpers.ParseQuery(stored).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))).ToList();
}
