using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Registry.Data.Telemetry;

/// <summary>
/// The service's own meter and activity source, shared by every project (Data, Search, Api) so one OpenTelemetry
/// registration in the host collects them all. Instruments live here, not beside their callers, so their names,
/// units and tags are one list that docs/operations.md describes. Recording to an instrument nobody listens to costs
/// next to nothing, so libraries and tests may record freely.
/// </summary>
public static class RegistryTelemetry
{
    /// <summary>Name of the <see cref="Meter"/> and the <see cref="ActivitySource"/>: subscribe to it by this name.</summary>
    public const string Name = "Registry";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Rows an import has gone through, by <c>format</c> (jsonl, csv, xlsx), <c>pass</c> (checking, writing)
    /// and <c>outcome</c> (accepted, rejected).</summary>
    public static readonly Counter<long> ImportRows =
        Meter.CreateCounter<long>("registry.import.rows", unit: "{row}", description: "Rows processed by imports");

    /// <summary>Outbox items the search indexer has applied and completed (their index change committed).</summary>
    public static readonly Counter<long> OutboxIndexed =
        Meter.CreateCounter<long>("registry.outbox.indexed", unit: "{item}", description: "Outbox items applied to the search index");
}
