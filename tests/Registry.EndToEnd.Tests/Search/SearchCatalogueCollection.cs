namespace Registry.EndToEnd.Tests.Search;

/// <summary>
/// The classes that only read <see cref="SearchCatalogue"/> share one seeded host. Exports add a task and count
/// every line, so they keep a catalogue of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SearchCatalogueCollection : ICollectionFixture<SearchCatalogue>
{
    public const string Name = "search catalogue";
}
