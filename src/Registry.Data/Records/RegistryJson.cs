using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Registry.Data.Records;

/// <summary>The one JSON configuration for records everywhere: API, import, export, snapshots.</summary>
public static class RegistryJson
{
    /// <summary>camelCase, enums as camelCase strings, nulls omitted, Vietnamese written as is (not \u-escaped).</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }

    /// <summary>
    /// For reading what clients send: a property given twice (also in another case) and a property the type does
    /// not have are errors, not silently resolved by "last one wins" or dropped.
    /// </summary>
    public static JsonSerializerOptions ConfigureStrictInput(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }
}
