using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Registry.EndToEnd.Tests.Infrastructure.LongRunningFirst", "Registry.EndToEnd.Tests")]

namespace Registry.EndToEnd.Tests.Infrastructure;

/// <summary>Marks a collection definition whose tests take a large share of the suite's time.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;

/// <summary>
/// Starts the <see cref="LongRunningAttribute">long-running</see> collections before the others. xunit runs as
/// many collections at once as there are cores; a long one started last runs alone at the end while the other
/// cores sit idle, whereas started first it runs while the short ones share the other cores.
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    private readonly DefaultTestCollectionOrderer _rest = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        _rest.OrderTestCollections(testCollections).OrderByDescending(IsLongRunning);

    private static bool IsLongRunning(ITestCollection collection) =>
        collection.CollectionDefinition?.GetCustomAttributes(typeof(LongRunningAttribute).AssemblyQualifiedName).Any() == true;
}
