using GraphQL.Utilities;

namespace Registry.Api.GraphQL.Transport;

/// <summary>The schema as SDL with descriptions: served at /graphql/schema.graphql and committed as openapi/registry.graphql.</summary>
public static class SchemaText
{
    public static string Print(RegistrySchema schema)
    {
        schema.Initialize();
        // Ordinal order: the committed file must not change with the machine's culture.
        var text = global::GraphQL.SchemaExtensions.Print(schema,
            new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal });
        return text.Replace("\r\n", "\n").TrimEnd() + "\n";
    }
}
