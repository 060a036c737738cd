using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Registry.Api.GraphQL.Common;

namespace Registry.Api.GraphQL.Transport;

/// <summary>
/// Depth and complexity of the operation that will run. Data operations (any root field that is not
/// introspection, so introspection mixed into a data query counts as data) get <see cref="GraphQLLimits.MaxDepth"/>
/// and <see cref="GraphQLLimits.MaxComplexity"/>. Introspection-only operations, which is what GraphQL tools send to
/// load the schema, get limits of their own: <see cref="GraphQLLimits.IntrospectionMaxDepth"/>,
/// <see cref="GraphQLLimits.MaxOfTypeNesting"/> and <see cref="GraphQLLimits.IntrospectionComplexityPerType"/> per type of the schema.
/// Every operation may ask for at most <see cref="GraphQLLimits.MaxSchemaFields"/> <c>__schema</c> and
/// <see cref="GraphQLLimits.MaxTypeFields"/> <c>__type</c>. Runs after the other rules, only on a valid document.
/// </summary>
public sealed class QueryCostRule() : ComplexityValidationRule(new ComplexityOptions
{
    MaxDepth = GraphQLLimits.MaxDepth,
    MaxComplexity = GraphQLLimits.MaxComplexity,
})
{
    private readonly IntrospectionMeasure _introspection = new();

    public override async ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.HasErrors) return null;
        var shape = OperationShape.Of(context.Document, context.Operation);
        var error = ShapeError(shape);
        if (error is null)
        {
            var (complexity, depth) = shape.IntrospectionOnly
                ? await _introspection.MeasureAsync(context)
                : await CalculateComplexityAsync(context);
            error = shape.IntrospectionOnly
                ? IntrospectionError(complexity, depth, GraphQLLimits.IntrospectionComplexityPerType * context.Schema.AllTypes.Count)
                : DataError(complexity, depth);
        }

        if (error is not null) context.ReportError(error);
        return null;
    }

    private static ValidationError? ShapeError(OperationShape shape)
    {
        if (shape.TooLarge)
            return Error(ErrorCodes.TooComplex,
                $"Truy vấn có quá {GraphQLLimits.MaxExpandedFields} trường khi mở các fragment (the query has more than {GraphQLLimits.MaxExpandedFields} fields once its fragments are expanded).");
        if (shape.SchemaFields > GraphQLLimits.MaxSchemaFields || shape.TypeFields > GraphQLLimits.MaxTypeFields)
            return Error(ErrorCodes.TooManyIntrospectionFields,
                $"Truy vấn hỏi __schema {shape.SchemaFields} lần và __type {shape.TypeFields} lần; tối đa {GraphQLLimits.MaxSchemaFields} và {GraphQLLimits.MaxTypeFields} " +
                $"(the query asks for __schema {shape.SchemaFields} times and __type {shape.TypeFields} times; at most {GraphQLLimits.MaxSchemaFields} and {GraphQLLimits.MaxTypeFields}).");
        if (shape.IntrospectionOnly && shape.LongestOfTypeRun > GraphQLLimits.MaxOfTypeNesting)
            return Error(ErrorCodes.MaxDepth,
                $"Truy vấn lồng {shape.LongestOfTypeRun} tầng ofType; tối đa {GraphQLLimits.MaxOfTypeNesting} (the query nests ofType {shape.LongestOfTypeRun} times; at most {GraphQLLimits.MaxOfTypeNesting}).");
        return null;
    }

    private static ValidationError? DataError(double complexity, int depth) =>
        depth > GraphQLLimits.MaxDepth
            ? Error(ErrorCodes.MaxDepth,
                $"Truy vấn lồng sâu {depth} tầng; tối đa {GraphQLLimits.MaxDepth} (the query is {depth} levels deep; at most {GraphQLLimits.MaxDepth}).")
            : complexity > GraphQLLimits.MaxComplexity
                ? Error(ErrorCodes.TooComplex,
                    $"Truy vấn quá phức tạp: {complexity:0} điểm, tối đa {GraphQLLimits.MaxComplexity}; hãy giảm first hoặc bớt lồng nhau " +
                    $"(the query is too complex: {complexity:0}, at most {GraphQLLimits.MaxComplexity}; lower first or nest less).")
                : null;

    private static ValidationError? IntrospectionError(double complexity, int depth, int maxComplexity) =>
        depth > GraphQLLimits.IntrospectionMaxDepth
            ? Error(ErrorCodes.MaxDepth,
                $"Truy vấn introspection lồng sâu {depth} tầng; tối đa {GraphQLLimits.IntrospectionMaxDepth} (the introspection query is {depth} levels deep; at most {GraphQLLimits.IntrospectionMaxDepth}).")
            : complexity > maxComplexity
                ? Error(ErrorCodes.TooComplex,
                    $"Truy vấn introspection quá phức tạp: {complexity:0} điểm, tối đa {maxComplexity}; getIntrospectionQuery() của graphql-js nằm trong giới hạn này " +
                    $"(the introspection query is too complex: {complexity:0}, at most {maxComplexity}; graphql-js getIntrospectionQuery() fits).")
                : null;

    private static ValidationError Error(string code, string message) => new(message) { Code = code };

    /// <summary>The same analyzer with the introspection model: every list counts as <see cref="GraphQLLimits.IntrospectionListItems"/> items.</summary>
    private sealed class IntrospectionMeasure() : ComplexityValidationRule(new ComplexityOptions
    {
        DefaultListImpactMultiplier = GraphQLLimits.IntrospectionListItems,
    })
    {
        public ValueTask<(double TotalComplexity, int MaximumDepth)> MeasureAsync(ValidationContext context) => CalculateComplexityAsync(context);
    }
}
