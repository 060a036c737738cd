using Xunit.Abstractions;
using Xunit.Sdk;

namespace Registry.Data.Tests.Infrastructure;

/// <summary>
/// A fact of a store suite shared by providers. In a class marked <see cref="RequiresSqlServerAttribute"/> it is
/// reported as skipped, with the reason, when <c>REGISTRY_TEST_SQLSERVER</c> is not set.
/// </summary>
[XunitTestCaseDiscoverer("Registry.Data.Tests.Infrastructure.StoreFactDiscoverer", "Registry.Data.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresSqlServerAttribute : Attribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute) =>
    [
        new StoreTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod),
    ];
}

public sealed class StoreTestCase : XunitTestCase
{
    public const string NoServerReason =
        "Live SQL Server suite: set REGISTRY_TEST_SQLSERVER to a connection string to run it (no server here)";

    [Obsolete("Called by the de-serializer", error: true)]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnostics, display, displayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var needsServer = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresSqlServerAttribute)).Any();
        return needsServer && SqlServerHarness.ConnectionString is null ? NoServerReason : base.GetSkipReason(factAttribute);
    }
}
