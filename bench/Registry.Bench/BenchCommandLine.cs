namespace Registry.Bench;

/// <summary>Verbs of the benchmark console: <c>import-bench</c>, <c>search-bench</c>, <c>outbox-bench</c>,
/// <c>import-to-searchable</c>, <c>demo-sample</c>, <c>help</c>.</summary>
internal static class BenchCommandLine
{
    private const string Usage = """
        Registry benchmarks

          import-bench [--count 100000] [--batch 1000] [--format jsonl|csv|both] [--dir DIR] [--keep] [--profile]
              Writes N generated demo records to a JSON Lines (or CSV) file in a new directory under DIR (default:
              the temp directory), imports it through the ImportService into a fresh SQLite store, and prints
              rows/s per wall and CPU second, peak working set and database size. --format both runs JSON Lines,
              then CSV, each into its own fresh store. --keep leaves the directory (file and database) in place.
              --profile first times the stages before the database (parse, validate, map, JSON) on their own.

          search-bench [--count 100000] [--queries 200] [--keep] [--index DIR]
              Generates N demo tasks, indexes them into a fresh Lucene index in a temp directory (docs/s per wall
              and per CPU second, index size), then times a fixed query mix (text, filtered, faceted, sorted, a deep
              cursor page) and suggestion prefixes, M of each kind after a warm-up: p50/p95/p99 and peak working set.
              --index DIR builds the index in DIR and keeps it; when DIR already holds an index, indexing is
              skipped and only the queries are timed (to compare query-side changes on the same index).

          outbox-bench [--count 10000] [--batch 200]
              Imports N published demo tasks into a fresh SQLite store, then drains the search outbox into a fresh
              Lucene index with the outbox indexer: with the durable commit per batch and with the timer only (the
              behaviour before), each as a bulk drain and as a trickle of single-item batches.

          import-to-searchable [--count 100000] [--singles 50] [--batch 1000] [--dir DIR]
              Imports N published demo tasks through the ImportService into a fresh SQLite store while the outbox
              indexer runs (as in the host) into a fresh Lucene index, and prints the import's end, the moment the
              outbox is empty and the index holds all N, and the difference. Then drains all N again alone into a
              fresh index (tasks/s, time per stage), and times single saves until a search finds them: M with
              nothing else pending, then up to M while the whole backlog drains. --dir puts the data there
              (default: the temp directory); it is deleted at the end.

          million-data --data DIR [--count 1000000]
              Prepares a host data directory (SQLite store) holding N published demo tasks for the over-HTTP search
              benchmark (bench/load/million.sh), through the store's batch write as the demo seeder does; the
              host builds the search index from the store at its first start. Does nothing when DIR holds tasks.

          search-profile --index DIR
              On an index search-bench kept: per request of the query mix, the median wall ms of the query plan,
              matching only, the scored top-N pass, the same with facets, and the whole request, and its CPU ms.

          http-search-bench --base URL [--rounds 20] [--concurrency 4] [--pid HOSTPID] [--judged queries.json]
              Sends the search-bench query mix (and the judged queries of a relevance set as plain text searches)
              over HTTP to a running host, each request made unique for the output cache by a parameter the API
              ignores; after a warm-up, ROUNDS passes one connection at a time, then with CONCURRENCY connections:
              p50/p95/p99/max per class and the host's CPU ms per request (from /proc/HOSTPID/stat).

          demo-sample [--count 5] [--seed 20251001]
              Prints the first N demo records as JSON Lines (to eyeball the generator).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }
        try
        {
            var options = BenchArguments.Parse(args.Skip(1).ToArray());
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
            return args[0] switch
            {
                "import-bench" => await ImportBench.RunAllAsync(options.Int("count", 100_000), options.Int("batch", 1000), options.Flag("keep"),
                    options.Text("format") ?? "jsonl", options.Text("dir"), options.Flag("profile"), cts.Token),
                "search-bench" => await SearchBench.RunAsync(options.Int("count", 100_000), options.Int("queries", 200), options.Flag("keep"), options.Text("index"), cts.Token),
                "import-to-searchable" => await ImportToSearchableBench.RunAsync(options.Int("count", 100_000), options.Int("singles", 50),
                    options.Int("batch", new Registry.Search.SearchOptions().IndexerBatchSize), options.Text("dir"), cts.Token),
                "outbox-bench" => await OutboxBench.RunAsync(options.Int("count", 10_000), options.Int("batch", 200), cts.Token),
                "million-data" => await MillionData.RunAsync(options.Text("data") ?? throw new ArgumentException("--data DIR is required."), options.Int("count", 1_000_000), cts.Token),
                "search-profile" => await SearchProfile.RunAsync(options.Text("index") ?? throw new ArgumentException("--index DIR is required."), cts.Token),
                "http-search-bench" => await HttpSearchBench.RunAsync(options.Text("base") ?? throw new ArgumentException("--base URL is required."),
                    options.Int("rounds", 20), options.Int("concurrency", 4), options.Int("pid", 0), options.Text("judged"), cts.Token),
                "demo-sample" => DemoSample.Run(options.Int("count", 5), options.Int("seed", Registry.Data.Demo.DemoCatalogue.DefaultSeed)),
                _ => Fail($"Unknown verb '{args[0]}'.\n\n{Usage}"),
            };
        }
        catch (ArgumentException ex)
        {
            return Fail($"{ex.Message}\n\n{Usage}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}

/// <summary>"--name value" pairs and bare "--flag"s; unknown or malformed options are errors.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private static readonly HashSet<string> Known = ["count", "batch", "keep", "seed", "queries", "index", "singles", "dir", "data", "base", "rounds", "concurrency", "pid", "judged", "format", "profile"];

    public static BenchArguments Parse(string[] args)
    {
        var result = new BenchArguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || !Known.Contains(args[i][2..]))
                throw new ArgumentException($"Unknown option '{args[i]}'.");
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            result._values[args[i][2..]] = hasValue ? args[++i] : null;
        }
        return result;
    }

    public int Int(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} needs a positive whole number, got '{text}'.");
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string? Text(string name) =>
        !_values.TryGetValue(name, out var text) ? null
        : string.IsNullOrWhiteSpace(text) ? throw new ArgumentException($"--{name} needs a value.") : text;
}
