namespace Registry.Api.Cli;

/// <summary>A parsed command line: the verb words, the flags and options it names, and the rest for configuration.</summary>
public sealed record CliArguments(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string?> Options, IReadOnlyList<string> ConfigArgs)
{
    /// <summary>Flags that take no value.</summary>
    private static readonly HashSet<string> Flags = ["--dry-run", "--skip-invalid", "--help", "-h"];

    /// <summary>Options of our verbs that take a value.</summary>
    private static readonly HashSet<string> ValueOptions = ["--role", "--name"];

    /// <summary>
    /// Splits <paramref name="args"/>. Anything of the form <c>--Section:Key=value</c> (or <c>--Section:Key value</c>)
    /// is configuration, exactly as the web host reads it, so both see the same data directory.
    /// </summary>
    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var config = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Flags.Contains(arg)) options[arg] = null;
            else if (ValueOptions.Contains(arg)) options[arg] = i + 1 < args.Count ? args[++i] : "";
            else if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':') || arg.Contains('=')))
            {
                config.Add(arg);
                if (!arg.Contains('=') && i + 1 < args.Count) config.Add(args[++i]);
            }
            else if (arg.StartsWith('-')) options[arg] = "\0unknown";
            else words.Add(arg);
        }

        return new CliArguments(words, options, config);
    }

    public bool Has(string flag) => Options.ContainsKey(flag);

    public string? Value(string option) => Options.TryGetValue(option, out var v) ? v : null;

    /// <summary>The first option this verb does not know, if any.</summary>
    public string? Unknown(params string[] allowed) =>
        Options.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase));
}
