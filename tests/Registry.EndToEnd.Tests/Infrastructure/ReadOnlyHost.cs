namespace Registry.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One empty host for the classes that only read, or send requests the host refuses without writing anything:
/// health, the OpenAPI document and the GraphQL schema, hostile queries and files, the command line beside the service. They neither
/// create tasks or keys nor read the log, so no class here can change what another one sees. A class that
/// writes keeps its own host (<see cref="IClassFixture{TFixture}"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReadOnlyHost : ICollectionFixture<RegistryApiFactory>
{
    public const string Name = "read-only host";
}
