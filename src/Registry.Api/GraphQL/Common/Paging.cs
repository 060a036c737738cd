using GraphQL;
using GraphQL.Types;

namespace Registry.Api.GraphQL.Common;

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

    /// <summary>The <c>after</c> argument of a connection read from a keyset source, or a VALIDATION error.</summary>
    public static PageCursor? After(IResolveFieldContext context, string kind, int maxOffset = MaxFirst)
    {
        var text = context.GetArgument<string?>("after");
        if (text is null) return null;
        return PageCursor.TryDecode(text, kind, maxOffset, out var cursor) ? cursor : throw BadCursor();
    }

    public static RegistryError BadCursor() => RegistryError.Invalid("after",
        "Con trỏ không hợp lệ; hãy dùng đúng endCursor của trang trước (invalid cursor; pass endCursor from the previous page unchanged).");
}

/// <summary>Relay page information, shared by every connection.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Phân trang theo con trỏ (cursor paging).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Còn trang sau (there is a next page).").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Trang này không phải trang đầu (this is not the first page).").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("Con trỏ của mục đầu (cursor of the first edge).").Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("Truyền vào after để lấy trang sau (pass as after for the next page).").Resolve(c => c.Source.EndCursor);
    }
}
