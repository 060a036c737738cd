using GraphQL.Validation;
using GraphQLParser.AST;
using Registry.Api.GraphQL.Common;

namespace Registry.Api.GraphQL.Transport;

/// <summary>Limits that keep one request from costing the service more than a page of REST calls would.</summary>
public static class GraphQLLimits
{
    public const int MaxQueryLength = 10_000;
    public const int MaxDepth = 10;
    public const int MaxAliases = 30;
    /// <summary>A page of 100 tasks with their organization, investigators and outputs fits; a 100 × 100 nesting does not.</summary>
    public const int MaxComplexity = 20_000;
    /// <summary>Fields of the operation once its fragments are expanded; far above any real query.</summary>
    public const int MaxExpandedFields = 5_000;

    /// <summary>
    /// An operation whose root fields are all <c>__schema</c>, <c>__type</c> or <c>__typename</c> is measured on its
    /// own terms instead of the data limits: its answer is bounded by the schema, not by the catalogue. graphql-js
    /// <c>getIntrospectionQuery()</c> is 14 levels deep (9 nested <c>ofType</c>); one level more is allowed.
    /// </summary>
    public const int IntrospectionMaxDepth = 15;
    /// <summary>The deepest type of this schema is 3 wrappers (<c>[Task!]!</c>); graphql-js asks for 9.</summary>
    public const int MaxOfTypeNesting = 10;
    /// <summary>
    /// Every introspection list counts as this many items, except <c>__schema.types</c> and <c>directives</c>, which
    /// GraphQL.NET counts as they are (60 types and 3 directives today).
    /// </summary>
    public const int IntrospectionListItems = 10;
    /// <summary>
    /// The introspection budget grows with the schema, as the answer to a full introspection does: per type of the schema.
    /// graphql-js <c>getIntrospectionQuery()</c> costs 4,625 per type, with every option 4,848 (290,878 for 60 types);
    /// nesting <c>fields { type { … } }</c> four times under <c>types</c> costs about 22,000 per type and is refused.
    /// </summary>
    public const int IntrospectionComplexityPerType = 10_000;
    /// <summary>The whole schema is one answer: asking for it twice (under two aliases) is never needed.</summary>
    public const int MaxSchemaFields = 1;
    public const int MaxTypeFields = 10;

    /// <summary>User-context key set on GET requests, where mutations are refused.</summary>
    public const string ReadOnlyRequest = "registry.readOnly";
}

/// <summary>Refuses documents with more than <see cref="GraphQLLimits.MaxAliases"/> aliases (a cheap way to multiply work).</summary>
public sealed class AliasLimitRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is null || ++count != GraphQLLimits.MaxAliases + 1) return;
            ctx.ReportError(new ValidationError(
                $"Truy vấn dùng quá {GraphQLLimits.MaxAliases} bí danh (the query uses more than {GraphQLLimits.MaxAliases} aliases).")
            { Code = ErrorCodes.TooManyAliases });
        }));
    }
}

/// <summary>Mutations change state, so they are refused over GET (caches and prefetchers may replay GETs).</summary>
public sealed class NoMutationOverGetRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation == OperationType.Mutation && context.UserContext.ContainsKey(GraphQLLimits.ReadOnlyRequest))
        {
            context.ReportError(new ValidationError(
                "Thao tác ghi (mutation) phải gửi bằng POST (send mutations with POST, not GET).")
            { Code = ErrorCodes.MethodNotAllowed });
        }

        return default;
    }
}
