namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>
/// The classes that only read <see cref="GraphQLApiFactory"/>'s seeded catalogue share one host. None writes (a
/// mutation over GET is refused before it runs), none reads the log, and xunit runs the classes of a collection one
/// test at a time, so the SQL commands <see cref="GraphQLBatchingTests"/> counts while its request runs are that
/// request's own. Mutations keep a host of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GraphQLCatalogueCollection : ICollectionFixture<GraphQLApiFactory>
{
    public const string Name = "graphql catalogue";
}
