using Registry.Data.Records;
using Registry.Data.Reference;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.Feeds.Oai;

/// <summary>
/// A set as the store filters it: by field-of-science prefix, level or status (or a whole dimension) over tasks, or
/// one of the OpenAIRE CRIS sets, which selects an entity (<see cref="Entity"/>) instead.
/// </summary>
public sealed record OaiSetFilter(string? FieldPrefix, TaskLevel? Level, TaskStatus? Status, OaiEntity Entity = OaiEntity.Project);

/// <summary>
/// Sets by field of science (<c>field:4</c>, <c>field:401</c>), level (<c>level:provincial</c>) and status
/// (<c>status:accepted</c>). The colon makes <c>field</c>, <c>level</c> and <c>status</c> parent sets (spec §2.7.2),
/// each holding every record. The OpenAIRE CRIS sets (<c>openaire_cris_projects</c>, <c>_orgunits</c>,
/// <c>_persons</c>, <c>_funding</c>, <c>_products</c>) hold the CERIF entities, as the OpenAIRE guidelines name them.
/// </summary>
public static class OaiSets
{
    /// <summary>The OpenAIRE CRIS sets, with the entity each holds.</summary>
    public static readonly IReadOnlyList<(string Spec, string Name, OaiEntity Entity)> OpenAire =
    [
        ("openaire_cris_projects", "OpenAIRE_CRIS_projects", OaiEntity.Project),
        ("openaire_cris_orgunits", "OpenAIRE_CRIS_orgunits", OaiEntity.OrgUnit),
        ("openaire_cris_persons", "OpenAIRE_CRIS_persons", OaiEntity.Person),
        ("openaire_cris_funding", "OpenAIRE_CRIS_funding", OaiEntity.Funding),
        ("openaire_cris_products", "OpenAIRE_CRIS_products", OaiEntity.Product),
    ];

    /// <summary>The set spec of an entity's OpenAIRE set.</summary>
    public static string SpecOf(OaiEntity entity) => OpenAire.First(s => s.Entity == entity).Spec;

    public static IEnumerable<(string Spec, string Name)> All()
    {
        foreach (var (spec, name, _) in OpenAire) yield return (spec, name);
        yield return ("field", "Lĩnh vực KH&CN (fields of science, Circular 24/2025/TT-BKHCN)");
        foreach (var f in FieldsOfScience.All) yield return ($"field:{f.Code}", $"{f.NameVi} ({f.NameEn})");
        yield return ("level", "Cấp quản lý (management level)");
        foreach (var l in EnumLabels.Level.Entries) yield return ($"level:{l.Key}", l.Label.Vi);
        yield return ("status", "Tình trạng (status)");
        foreach (var s in EnumLabels.Status.Entries) yield return ($"status:{s.Key}", s.Label.Vi);
    }

    /// <summary>The filter of a set spec, or null when no such set exists.</summary>
    public static OaiSetFilter? Parse(string spec)
    {
        if (spec is "field" or "level" or "status") return new OaiSetFilter(null, null, null);
        if (OpenAire.FirstOrDefault(s => s.Spec == spec) is { Spec: not null } openAire) return new OaiSetFilter(null, null, null, openAire.Entity);
        var parts = spec.Split(':', 2);
        if (parts.Length != 2) return null;
        return parts[0] switch
        {
            "field" when FieldsOfScience.Find(parts[1]) is not null => new OaiSetFilter(parts[1], null, null),
            "level" when EnumLabels.Level.Entries.FirstOrDefault(e => e.Key == parts[1]) is { } l => new OaiSetFilter(null, l.Value, null),
            "status" when EnumLabels.Status.Entries.FirstOrDefault(e => e.Key == parts[1]) is { } s => new OaiSetFilter(null, null, s.Value),
            _ => null,
        };
    }

    /// <summary>The sets a record belongs to (its fields and their sectors, level, status); the header adds the OpenAIRE projects set.</summary>
    public static IEnumerable<string> Of(IEnumerable<string> fieldCodes, TaskLevel level, TaskStatus status)
    {
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in fieldCodes)
        {
            prefixes.Add(FieldsOfScience.FieldOf(code));
            if (FieldsOfScience.SectorOf(code) is { } sector) prefixes.Add(sector);
        }
        foreach (var p in prefixes) yield return $"field:{p}";
        yield return $"level:{EnumLabels.Key(level)}";
        yield return $"status:{EnumLabels.Key(status)}";
    }
}
