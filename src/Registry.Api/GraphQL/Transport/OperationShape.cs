using GraphQLParser.AST;

namespace Registry.Api.GraphQL.Transport;

/// <summary>
/// What the limits need to know about the operation that will run, read from the document with its fragments
/// expanded: whether it only introspects (every root field is <c>__schema</c>, <c>__type</c> or <c>__typename</c>,
/// whatever its directives), how many <c>__schema</c> and <c>__type</c> answers it asks for (one per response key:
/// aliases count, repeats of one key are merged by GraphQL), and its longest run of nested <c>ofType</c>.
/// The walk stops after <see cref="GraphQLLimits.MaxExpandedFields"/> fields, so fragments spread into each other
/// cannot make it (or the analyzers after it) explode.
/// </summary>
public sealed record OperationShape(bool IntrospectionOnly, int SchemaFields, int TypeFields, int LongestOfTypeRun, bool TooLarge)
{
    public static OperationShape Of(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>();
        foreach (var definition in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(definition.FragmentName.Name.StringValue, definition);
        var roots = new List<GraphQLField>();
        CollectRootFields(fragments, operation.SelectionSet, roots, []);
        var walk = new Walk(fragments);
        walk.Visit(operation.SelectionSet, 0, []);
        return new OperationShape(
            IntrospectionOnly: operation.Operation == OperationType.Query && roots.All(f => IsIntrospection(f.Name.StringValue)),
            SchemaFields: DistinctKeys(roots, "__schema"),
            TypeFields: DistinctKeys(roots, "__type"),
            LongestOfTypeRun: walk.LongestOfTypeRun,
            TooLarge: walk.Fields > GraphQLLimits.MaxExpandedFields);
    }

    private static bool IsIntrospection(string name) => name is "__schema" or "__type" or "__typename";

    private static int DistinctKeys(List<GraphQLField> roots, string name) =>
        roots.Where(f => f.Name.StringValue == name).Select(f => (f.Alias?.Name ?? f.Name).StringValue).Distinct().Count();

    private static void CollectRootFields(Dictionary<string, GraphQLFragmentDefinition> fragments, GraphQLSelectionSet set, List<GraphQLField> into, HashSet<string> seen)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    into.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    CollectRootFields(fragments, inline.SelectionSet, into, seen);
                    break;
                case GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue):
                    if (fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment))
                        CollectRootFields(fragments, fragment.SelectionSet, into, seen);
                    break;
            }
        }
    }

    private sealed class Walk(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        public int Fields { get; private set; }
        public int LongestOfTypeRun { get; private set; }

        /// <param name="run">How many <c>ofType</c> fields directly enclose this selection set.</param>
        /// <param name="open">Fragments being expanded on the current path (validation refuses cycles; this only guards).</param>
        public void Visit(GraphQLSelectionSet set, int run, List<string> open)
        {
            foreach (var selection in set.Selections)
            {
                if (Fields > GraphQLLimits.MaxExpandedFields) return;
                switch (selection)
                {
                    case GraphQLField field:
                        Fields++;
                        var length = field.Name.StringValue == "ofType" ? run + 1 : 0;
                        LongestOfTypeRun = Math.Max(LongestOfTypeRun, length);
                        if (field.SelectionSet is { } children) Visit(children, length, open);
                        break;
                    case GraphQLInlineFragment inline:
                        Visit(inline.SelectionSet, run, open);
                        break;
                    case GraphQLFragmentSpread spread:
                        var name = spread.FragmentName.Name.StringValue;
                        if (open.Contains(name) || !fragments.TryGetValue(name, out var fragment)) break;
                        open.Add(name);
                        Visit(fragment.SelectionSet, run, open);
                        open.RemoveAt(open.Count - 1);
                        break;
                }
            }
        }
    }
}
