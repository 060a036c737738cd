using GraphQL.Types;
using Registry.Api.GraphQL.Transport;
using Registry.Api.GraphQL.Writes;

namespace Registry.Api.GraphQL;

/// <summary>The GraphQL schema over the same store and search engine as REST v1 (committed as openapi/registry.graphql).</summary>
public sealed class RegistrySchema : Schema
{
    public RegistrySchema(IServiceProvider services) : base(services)
    {
        Description = "Registry: nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước (state-funded S&T tasks).";
        // What graphql-js getIntrospectionQuery() asks for with directiveIsRepeatable and inputValueDeprecation
        // (GraphiQL, Postman, Insomnia, Altair and graphql-codegen send them): off by default in GraphQL.NET 8.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Query = services.GetRequiredService<RegistryQuery>();
        Mutation = services.GetRequiredService<RegistryMutation>();
    }

    protected override void OnBeforeInitializeType(IGraphType graphType) => IntrospectionAdditions.Apply(graphType);
}
