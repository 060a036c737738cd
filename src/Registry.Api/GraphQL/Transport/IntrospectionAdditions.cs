using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Registry.Api.GraphQL.Transport;

/// <summary>
/// The two parts of the current introspection schema (GraphQL spec, October 2021 and the input-value deprecation
/// that followed) that GraphQL.NET 8 does not define, so that graphql-js <c>getIntrospectionQuery</c> with
/// <c>specifiedByUrl</c> and <c>inputValueDeprecation</c> validates: <c>__Type.specifiedByURL</c> and
/// <c>__Directive.args(includeDeprecated:)</c>. Applied while the schema builds its types.
/// </summary>
public static class IntrospectionAdditions
{
    /// <summary>Metadata key under which a scalar may declare the URL of its specification.</summary>
    public const string SpecifiedByUrlKey = "registry.specifiedByURL";

    public static void Apply(IGraphType graphType)
    {
        switch (graphType)
        {
            case __Type type when type.GetField("specifiedByURL") is null:
                type.AddField(new FieldType
                {
                    Name = "specifiedByURL",
                    Type = typeof(StringGraphType),
                    Description = "The URL of the specification of a custom scalar, when it declares one; null otherwise.",
                    Resolver = new FuncFieldResolver<object?>(c => c.Source is ScalarGraphType scalar ? scalar.GetMetadata<string?>(SpecifiedByUrlKey) : null),
                });
                break;
            case __Directive directive when directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null:
                args.Arguments ??= new QueryArguments();
                args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
                args.Resolver = new FuncFieldResolver<object?>(c =>
                {
                    var all = c.Source is Directive d ? d.Arguments?.ToList() ?? [] : [];
                    return c.GetArgument("includeDeprecated", false) ? all : all.Where(a => string.IsNullOrWhiteSpace(a.DeprecationReason)).ToList();
                });
                break;
        }
    }
}
