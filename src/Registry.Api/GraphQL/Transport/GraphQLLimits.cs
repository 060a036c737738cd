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
