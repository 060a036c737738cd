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

    /// <summary>Seconds one search index read took, by <c>kind</c> (<see cref="SearchKinds"/>); recorded by the host's
    /// index decorator, so every surface (REST, GraphQL, feeds, pages) is measured in one place.</summary>
    public static readonly Histogram<double> SearchDuration = Meter.CreateHistogram(
        "registry.search.duration", unit: "s", description: "Duration of search index reads",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    /// <summary>Import jobs running in the background worker right now.</summary>
    public static readonly UpDownCounter<long> ImportJobsRunning =
        Meter.CreateUpDownCounter<long>("registry.import.jobs.running", unit: "{job}", description: "Import jobs running");

    /// <summary>Import jobs finished, by <c>outcome</c> (completed, failed).</summary>
    public static readonly Counter<long> ImportJobsFinished =
        Meter.CreateCounter<long>("registry.import.jobs.finished", unit: "{job}", description: "Import jobs finished");

    /// <summary>Webhook delivery attempts, by <c>outcome</c> (delivered, failed).</summary>
    public static readonly Counter<long> WebhookAttempts =
        Meter.CreateCounter<long>("registry.webhook.attempts", unit: "{attempt}", description: "Webhook delivery attempts");

    /// <summary>Mail the sender handled, by <c>outcome</c> (sent, retry, given_up).</summary>
    public static readonly Counter<long> MailSent =
        Meter.CreateCounter<long>("registry.mail.handled", unit: "{mail}", description: "Mails handled by the sender");

    /// <summary>The <c>kind</c> tag of <see cref="SearchDuration"/>: a bounded list, never the query itself.</summary>
    public static class SearchKinds
    {
        /// <summary>A search with words typed.</summary>
        public const string Text = "text";
        /// <summary>A listing without words (filters and sort only).</summary>
        public const string Browse = "browse";
        /// <summary>Facet counts only (no hits asked for).</summary>
        public const string Facets = "facets";
        public const string Suggest = "suggest";
        public const string Related = "related";
    }

    /// <summary>
    /// Names of the queue gauges. They read the database, so the host creates them per process (one meter from its
    /// IMeterFactory, same name <see cref="Name"/>) over figures it refreshes on a timer, never on each scrape.
    /// </summary>
    public static class Gauges
    {
        public const string OutboxPending = "registry.outbox.pending";
        public const string OutboxOldestAge = "registry.outbox.oldest_age";
        public const string MailPending = "registry.mail.pending";
        public const string MailOldestAge = "registry.mail.oldest_age";
        public const string MailGivenUp = "registry.mail.given_up";
        public const string WebhookPending = "registry.webhook.deliveries.pending";
        public const string WebhookRetrying = "registry.webhook.deliveries.retrying";
        public const string WebhookFailed = "registry.webhook.deliveries.failed";
        public const string WebhookOldestAge = "registry.webhook.oldest_age";
        public const string WebhookPausedSubscribers = "registry.webhook.subscribers.paused";
        /// <summary>Seconds since the figures above were last read successfully (a stuck poll shows here).</summary>
        public const string FiguresAge = "registry.telemetry.figures_age";
    }
}
