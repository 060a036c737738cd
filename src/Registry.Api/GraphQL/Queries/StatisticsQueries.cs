using GraphQL;
using Registry.Data.Catalog;

namespace Registry.Api.GraphQL.Queries;

/// <summary><c>stats</c> and <c>coverage</c>, over the same Data-level services as the REST statistics resources.</summary>
public static class StatisticsQueries
{
    public static async Task<object?> StatsAsync(IResolveFieldContext context)
    {
        var query = new StatisticsQuery(context.GetArgument<StatisticsGroupBy>("groupBy"),
            context.GetArgument<int?>("yearFrom"), context.GetArgument<int?>("yearTo"), context.GetArgument<string?>("field"));
        var errors = query.Validate();
        if (errors.Count > 0) throw RegistryError.Invalid(errors.Select(e => new Registry.Data.Abstractions.FieldError(e.Parameter, e.Message)));
        return await context.RequestServices!.GetRequiredService<ITaskStatistics>().GroupAsync(query, context.CancellationToken);
    }

    public static async Task<object?> CoverageAsync(IResolveFieldContext context)
    {
        var year = context.GetArgument<int?>("year");
        if (year is < StatisticsQuery.MinYear or > StatisticsQuery.MaxYear)
        {
            throw RegistryError.Invalid("year", $"Năm phải trong khoảng {StatisticsQuery.MinYear}–{StatisticsQuery.MaxYear} (year out of range).");
        }

        return await context.RequestServices!.GetRequiredService<ICoverageReport>().GetAsync(year, context.CancellationToken);
    }
}
