using GraphQL.Types;
using Registry.Api.GraphQL.Collections;
using Registry.Api.GraphQL.Organizations;
using Registry.Api.GraphQL.Statistics;
using Registry.Api.GraphQL.Tasks;

namespace Registry.Api.GraphQL;

/// <summary>The public read side, one feature after another. Only published tasks are reachable from any field.</summary>
public sealed class RegistryQuery : ObjectGraphType
{
    public RegistryQuery()
    {
        Name = "Query";
        Description = "Truy vấn công khai: chỉ nhiệm vụ đã công bố (public queries: published tasks only).";
        this.AddTaskQueries().AddOrganizationQueries().AddStatisticsQueries().AddCollectionQueries();
    }
}
