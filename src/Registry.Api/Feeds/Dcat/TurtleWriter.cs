using System.Text;
using System.Text.Json.Nodes;

namespace Registry.Api.Feeds.Dcat;

/// <summary>
/// Writes the catalogue's compact JSON-LD (prefixed names, nested nodes, language and typed literals) as Turtle.
/// Covers exactly the shapes <see cref="DcatCatalog"/> builds; nested nodes without an @id become blank nodes.
/// </summary>
public static class TurtleWriter
{
    public static string Write(JsonObject document)
    {
        var context = document["@context"]!.AsObject();
        var text = new StringBuilder();
        foreach (var (prefix, iri) in context) text.Append($"@prefix {prefix}: <{iri}> .\n");
        var pending = new Queue<JsonObject>([document]);
        var blank = 0;
        var done = new HashSet<string>();
        while (pending.TryDequeue(out var node))
        {
            var subject = node["@id"]?.GetValue<string>() is { } id ? $"<{id}>" : $"_:b{blank++}";
            if (!done.Add(subject)) continue;
            text.Append('\n').Append(subject);
            var predicates = new List<string>();
            if (node["@type"] is { } type) predicates.Add($" a {Types(type)}");
            foreach (var (key, value) in node.Where(p => !p.Key.StartsWith('@')))
            {
                var objects = (value is JsonArray a ? a.ToList() : [value]).Select(v => Term(v, pending, ref blank)).ToList();
                predicates.Add($" {key} {string.Join(", ", objects)}");
            }
            text.Append(string.Join(" ;\n   ", predicates)).Append(" .\n");
        }
        return text.ToString();
    }

    private static string Term(JsonNode? value, Queue<JsonObject> pending, ref int blank)
    {
        switch (value)
        {
            case JsonValue v when v.TryGetValue<string>(out var s): return Literal(s);
            case JsonValue v: return v.ToJsonString();
            case JsonObject o when o["@value"] is { } literal:
                if (o["@language"] is { } lang) return Literal(literal.GetValue<string>()) + "@" + lang.GetValue<string>();
                return Literal(literal.GetValue<string>()) + "^^" + o["@type"]!.GetValue<string>();
            case JsonObject o when o.Count == 1 && o["@id"] is { } iri: return $"<{iri.GetValue<string>()}>";
            case JsonObject o when o["@id"] is { } iri:
                pending.Enqueue(o);
                return $"<{iri.GetValue<string>()}>";
            case JsonObject o:
                // An anonymous node is written inline as a blank node property list.
                var inner = new List<string>();
                if (o["@type"] is { } t) inner.Add($"a {Types(t)}");
                foreach (var (k, v) in o.Where(p => !p.Key.StartsWith('@'))) inner.Add($"{k} {Term(v, pending, ref blank)}");
                return "[ " + string.Join(" ; ", inner) + " ]";
            default: return "\"\"";
        }
    }

    /// <summary>One type, or several (<c>"@type": [...]</c>), as prefixed names.</summary>
    private static string Types(JsonNode type) =>
        type is JsonArray list ? string.Join(", ", list.Select(t => t!.GetValue<string>())) : type.GetValue<string>();

    private static string Literal(string s) =>
        "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
}
