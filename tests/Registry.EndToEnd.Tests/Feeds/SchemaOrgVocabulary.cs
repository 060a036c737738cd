using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>
/// The schema.org vocabulary as two tables trimmed from the official release (see <c>SchemaOrg/README.md</c>):
/// each property's <c>domainIncludes</c> and each type's parents. Checks that every property of a JSON-LD node is
/// used on a type within its domain (the type itself or an ancestor, <c>Thing</c> included).
/// </summary>
public sealed class SchemaOrgVocabulary
{
    private readonly Dictionary<string, string[]> _domains;
    private readonly Dictionary<string, string[]> _parents;

    private SchemaOrgVocabulary(Dictionary<string, string[]> domains, Dictionary<string, string[]> parents)
    {
        _domains = domains;
        _parents = parents;
    }

    public static SchemaOrgVocabulary Load([CallerFilePath] string here = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(here)!, "SchemaOrg");
        return new SchemaOrgVocabulary(
            Table(Path.Combine(folder, "schemaorg-30.0-property-domains.tsv")),
            Table(Path.Combine(folder, "schemaorg-30.0-type-parents.tsv")));
    }

    private static Dictionary<string, string[]> Table(string path) => File.ReadLines(path)
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .ToDictionary(p => p[0], p => p.Length > 1 ? p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [], StringComparer.Ordinal);

    public IReadOnlySet<string> Ancestors(string type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([type]);
        while (pending.TryPop(out var t))
            if (seen.Add(t) && _parents.TryGetValue(t, out var parents)) foreach (var p in parents) pending.Push(p);
        return seen;
    }

    /// <summary>Every misuse in a JSON-LD document, as "where: what" lines; empty when all is within its domain.</summary>
    public IReadOnlyList<string> Check(JsonNode document)
    {
        var problems = new List<string>();
        Walk(document, "$", problems);
        return problems;
    }

    private void Walk(JsonNode? node, string where, List<string> problems)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{where}[{i}]", problems);
                break;
            case JsonObject obj when obj.ContainsKey("@value"):
                break;
            case JsonObject obj:
                var types = obj["@type"] switch
                {
                    JsonArray a => a.Select(t => t!.GetValue<string>()).ToArray(),
                    JsonValue v => [v.GetValue<string>()],
                    _ => [],
                };
                var properties = obj.Where(p => !p.Key.StartsWith('@')).ToList();
                if (types.Length == 0 && properties.Count > 0) problems.Add($"{where}: a node with properties has no @type");
                foreach (var unknown in types.Where(t => !_parents.ContainsKey(t))) problems.Add($"{where}: {unknown} is not a schema.org type");
                var ancestors = types.SelectMany(Ancestors).ToHashSet(StringComparer.Ordinal);
                foreach (var (name, value) in properties)
                {
                    if (!_domains.TryGetValue(name, out var domains)) problems.Add($"{where}.{name}: not a schema.org property");
                    else if (types.Length > 0 && !domains.Any(ancestors.Contains))
                        problems.Add($"{where}.{name}: used on {string.Join("/", types)}, but its domain is {string.Join(", ", domains)}");
                    Walk(value, $"{where}.{name}", problems);
                }
                break;
        }
    }
}
