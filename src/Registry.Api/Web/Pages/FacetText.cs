using Registry.Api.Web.Localization;
using Registry.Data.Records;
using Registry.Search.Model;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.Web.Pages;

/// <summary>Names of facets, filters and their values in the page language.</summary>
public static class FacetText
{
    public static UiString Title(string facetOrFilter) => facetOrFilter switch
    {
        "field" => T.FacetField,
        "sector" => T.FacetSector,
        "level" => T.FacetLevel,
        "kind" => T.FacetKind,
        "status" => T.FacetStatus,
        "year" or "yearFrom" or "yearTo" => T.FacetYear,
        "organization" => T.FacetOrganization,
        "transferable" => T.Transferable,
        _ => new UiString(facetOrFilter, facetOrFilter),
    };

    /// <summary>A bucket or filter value; <paramref name="fallback"/> is the engine's (Vietnamese) display name.</summary>
    public static string Value(string name, string key, string? fallback, WebLanguage language) => name switch
    {
        "field" or "sector" => T.FieldName(key, language),
        "level" => EnumText.OfKey<TaskLevel>(key)?.In(language) ?? key,
        "kind" => EnumText.OfKey<TaskKind>(key)?.In(language) ?? key,
        "status" => EnumText.OfKey<TaskStatus>(key)?.In(language) ?? key,
        "transferable" => key == "true" ? T.Transferable.In(language) : key,
        _ => fallback ?? key,
    };
}
