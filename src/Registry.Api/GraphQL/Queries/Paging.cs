using GraphQL;

namespace Registry.Api.GraphQL.Queries;

/// <summary>Page-size rules shared by every connection.</summary>
public static class Paging
{
    public const int DefaultFirst = 25;
    public const int MaxFirst = 100;

    /// <summary>The <c>first</c> argument, defaulted, or a VALIDATION error outside 1–<see cref="MaxFirst"/>.</summary>
    public static int First(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultFirst;
        if (first is < 1 or > MaxFirst)
        {
            throw RegistryError.Invalid("first", $"first phải từ 1 đến {MaxFirst} (first must be between 1 and {MaxFirst}).");
        }

        return first;
    }
}
