using System.Text.Encodings.Web;
using System.Text.Unicode;
using GraphQL;
using Registry.Api.GraphQL;
using Registry.Api.GraphQL.Organizations;
using Registry.Api.GraphQL.Tasks;
using Registry.Api.GraphQL.Transport;

namespace Microsoft.Extensions.DependencyInjection;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>The GraphQL schema, executer, limits, error shaping and the per-request batching loaders.</summary>
    public static IServiceCollection AddRegistryGraphQL(this IServiceCollection services)
    {
        services.AddScoped<TaskLoaders>();
        services.AddScoped<OrganizationLoaders>();
        services.AddScoped<Registry.Api.GraphQL.Collections.CollectionLoaders>();
        services.AddGraphQL(b => b
            .AddSchema<RegistrySchema>()
            .AddGraphTypes(typeof(RegistrySchema).Assembly)
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
            .AddErrorInfoProvider<RegistryErrorInfoProvider>()
            // Data and introspection are limited on their own terms (QueryCostRule).
            .AddValidationRule<QueryCostRule>()
            .AddValidationRule<AliasLimitRule>()
            .AddValidationRule<NoMutationOverGetRule>()
            // Logged by type and operation hash only, answered with a generic message (RegistryErrorInfoProvider).
            .AddUnhandledExceptionHandler(GraphQLErrorLog.OnUnhandled));
        return services;
    }
}
