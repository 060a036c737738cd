using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Problems;

namespace Registry.Api.Catalog;

/// <summary>The catalogue endpoints' problems, each saying what would have been valid.</summary>
internal static class CatalogProblems
{
    public static ProblemHttpResult PageSize(int max) =>
        ApiProblems.Validation("pageSize", $"pageSize phải từ 1 đến {max} (pageSize must be between 1 and {max}).");

    public static ProblemHttpResult Cursor(string parameter) =>
        ApiProblems.Validation(parameter,
            "Cursor không hợp lệ; hãy dùng đúng meta.nextCursor của lần gọi trước (invalid cursor; pass meta.nextCursor from the previous call unchanged).");

    public static ProblemHttpResult OrganizationNotFound() => ApiProblems.Create(ProblemKind.NotFound,
        "Không có tổ chức công khai với id này (no public organization with this id).");

    /// <summary>Checks an optional page size; null when it is fine.</summary>
    public static ProblemHttpResult? CheckPageSize(int? pageSize, int max) => pageSize is < 1 || pageSize > max ? PageSize(max) : null;
}
