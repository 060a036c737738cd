using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Registry.Search.Tests.Elasticsearch.Live.GatedTestFramework", "Registry.Search.Tests")]

namespace Registry.Search.Tests.Elasticsearch.Live;

/// <summary>
/// Marks a test class that needs an external server: its tests run only when the environment variable holds a
/// value, and are otherwise reported as skipped with the reason (xunit 2 has no run-time skip, and the tests
/// inherited from a shared suite carry plain <c>[Fact]</c> attributes).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string purpose) : Attribute
{
    public string Variable { get; } = variable;
    public string Purpose { get; } = purpose;
}

/// <summary>The standard xunit framework, with discovery that honours <see cref="RequiresEnvironmentAttribute"/>.</summary>
public sealed class GatedTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new GatedDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class GatedDiscoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, source, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var gate = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
            var args = gate?.GetConstructorArguments().Cast<string>().ToArray();
            if (args is null || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(args[0]))
                || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            var reason = $"{args[1]}: set {args[0]} to run it (not set).";
            var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, TestMethodDisplay.ClassAndMethod,
                TestMethodDisplayOptions.None, testMethod, reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
