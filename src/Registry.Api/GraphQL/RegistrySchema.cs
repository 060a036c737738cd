using GraphQL.Types;
using Registry.Api.GraphQL.Writes;

namespace Registry.Api.GraphQL;

/// <summary>The GraphQL schema over the same store and search engine as REST v1 (committed as openapi/registry.graphql).</summary>
public sealed class RegistrySchema : Schema
{
    public RegistrySchema(IServiceProvider services) : base(services)
    {
        Description = "Registry: nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước (state-funded S&T tasks).";
        Query = services.GetRequiredService<RegistryQuery>();
        Mutation = services.GetRequiredService<RegistryMutation>();
    }
}
