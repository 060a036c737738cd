using System.Globalization;
using Registry.Data;

namespace Registry.Api.Feeds.Oai;

/// <summary>The kinds of item the repository serves: a task and the CERIF entities drawn from it or its host.</summary>
public enum OaiEntity
{
    /// <summary>A task: oai_dc record, CERIF Project.</summary>
    Project,
    /// <summary>A host organization (its own public id).</summary>
    OrgUnit,
    /// <summary>An investigator of a task: index 0 the principal investigator, 1… the members in record order.</summary>
    Person,
    /// <summary>The state budget grant of a task.</summary>
    Funding,
    /// <summary>An output of a task, by its position in the record.</summary>
    Product,
}

/// <summary>
/// The local part of an OAI identifier, which is also the CERIF <c>id</c> attribute of the entity, so every link in
/// a CERIF record is resolved by GetRecord with <c>oai:registry.phutho.gov.vn:</c> + its id: <c>t…</c> (Project),
/// <c>o…</c> (OrgUnit), <c>t…-p0</c> (Person), <c>t…-f</c> (Funding), <c>t…-o0</c> (Product).
/// </summary>
public sealed record OaiItemId(OaiEntity Entity, string OwnerId, int Index = 0)
{
    /// <summary>Positions above this are not ids (a task holds at most 100 members and 200 outputs).</summary>
    private const int MaxIndex = 999;

    public string Local => Entity switch
    {
        OaiEntity.Project or OaiEntity.OrgUnit => OwnerId,
        OaiEntity.Person => $"{OwnerId}-p{Index.ToString(CultureInfo.InvariantCulture)}",
        OaiEntity.Product => $"{OwnerId}-o{Index.ToString(CultureInfo.InvariantCulture)}",
        OaiEntity.Funding => $"{OwnerId}-f",
        _ => throw new ArgumentOutOfRangeException(nameof(Entity), Entity, null),
    };

    public string Identifier => OaiResponse.Identifier + Local;

    public static OaiItemId Project(string taskId) => new(OaiEntity.Project, taskId);
    public static OaiItemId Person(string taskId, int index) => new(OaiEntity.Person, taskId, index);
    public static OaiItemId Product(string taskId, int index) => new(OaiEntity.Product, taskId, index);
    public static OaiItemId Funding(string taskId) => new(OaiEntity.Funding, taskId);
    public static OaiItemId OrgUnit(string organizationId) => new(OaiEntity.OrgUnit, organizationId);

    /// <summary>The item an OAI identifier names, or null when it cannot name one (wrong prefix, shape, or index).</summary>
    public static OaiItemId? Parse(string identifier)
    {
        if (!identifier.StartsWith(OaiResponse.Identifier, StringComparison.Ordinal)) return null;
        var local = identifier[OaiResponse.Identifier.Length..];
        if (PublicIds.IsWellFormed(local, 't')) return Project(local);
        if (PublicIds.IsWellFormed(local, 'o')) return OrgUnit(local);
        var dash = local.IndexOf('-');
        if (dash < 0 || !PublicIds.IsWellFormed(local[..dash], 't')) return null;
        var (task, suffix) = (local[..dash], local[(dash + 1)..]);
        if (suffix == "f") return Funding(task);
        if (suffix.Length < 2 || suffix.Length > 4 || (suffix[0] != 'p' && suffix[0] != 'o')) return null;
        var digits = suffix[1..];
        // One spelling per item: no signs, no leading zeros, ASCII digits only.
        if (!digits.All(char.IsAsciiDigit) || (digits.Length > 1 && digits[0] == '0')) return null;
        var index = int.Parse(digits, CultureInfo.InvariantCulture);
        if (index > MaxIndex) return null;
        return suffix[0] == 'p' ? Person(task, index) : Product(task, index);
    }
}
