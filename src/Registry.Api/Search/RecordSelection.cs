using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Data.Records;

namespace Registry.Api.Search;

/// <summary>The <c>select</c> parameter: which top-level fields of the public record v1 a result carries.</summary>
public static class RecordSelection
{
    /// <summary>Every top-level public field, camelCase as serialized (securityClassification is input-only).</summary>
    public static readonly IReadOnlyList<string> Fields = typeof(TaskRecord).GetProperties()
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .Where(n => n != "securityClassification")
        .ToList();

    private static readonly HashSet<string> Known = new(Fields, StringComparer.Ordinal);

    /// <summary>Null when every name is a record field, else a message naming the valid ones.</summary>
    public static string? Validate(IReadOnlyList<string> select)
    {
        var unknown = select.Where(s => !Known.Contains(s)).ToList();
        if (unknown.Count == 0 && select.Count > 0) return null;
        var valid = string.Join(", ", Fields);
        return unknown.Count == 0
            ? $"select cần ít nhất một trường; trường hợp lệ: {valid} (select needs at least one field; valid: {valid})."
            : $"Không có trường '{string.Join("', '", unknown)}' trong bản ghi; trường hợp lệ: {valid} (unknown field; valid: {valid}).";
    }

    /// <summary>The record as JSON, restricted to <paramref name="select"/> (plus id) when given.</summary>
    public static JsonObject Project(TaskRecord record, IReadOnlyList<string>? select)
    {
        var node = JsonSerializer.SerializeToNode(record, RegistryJson.Options)!.AsObject();
        node.Remove("securityClassification");
        if (select is null) return node;

        var keep = new HashSet<string>(select, StringComparer.Ordinal) { "id" };
        foreach (var name in node.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList()) node.Remove(name);
        return node;
    }
}
