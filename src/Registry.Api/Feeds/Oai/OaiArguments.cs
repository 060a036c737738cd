using System.Globalization;

namespace Registry.Api.Feeds.Oai;

/// <summary>An OAI-PMH error condition (spec §3.6); <see cref="Code"/> is the protocol's code.</summary>
public sealed record OaiError(string Code, string Message);

/// <summary>A harvest's selective criteria: format, set and datestamp range (from/until inclusive).</summary>
public sealed record OaiSelection(string MetadataPrefix, string? Set, DateTimeOffset? From, DateTimeOffset? UntilExclusive);

/// <summary>The request's verb and arguments, validated per verb as the protocol asks (spec §3.1, §4).</summary>
public sealed class OaiArguments
{
    public static readonly IReadOnlyDictionary<string, (string[] Required, string[] Optional, bool TokenExclusive)> Verbs =
        new Dictionary<string, (string[], string[], bool)>
        {
            ["Identify"] = ([], [], false),
            ["ListMetadataFormats"] = ([], ["identifier"], false),
            ["ListSets"] = ([], [], true),
            ["ListIdentifiers"] = (["metadataPrefix"], ["from", "until", "set"], true),
            ["ListRecords"] = (["metadataPrefix"], ["from", "until", "set"], true),
            ["GetRecord"] = (["identifier", "metadataPrefix"], [], false),
        };

    private OaiArguments(string verb, Dictionary<string, string> values) => (Verb, Values) = (verb, values);

    public string Verb { get; }
    public IReadOnlyDictionary<string, string> Values { get; }

    public string? this[string name] => Values.GetValueOrDefault(name);

    /// <summary>Parses GET query or POST form pairs; null with an error when the request is not a legal OAI-PMH request.</summary>
    public static OaiArguments? Parse(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> pairs, out OaiError? error)
    {
        error = null;
        var all = pairs.ToList();
        var verbs = all.Where(p => p.Key == "verb").SelectMany(p => p.Value).ToList();
        if (verbs.Count != 1 || verbs[0] is null || !Verbs.TryGetValue(verbs[0]!, out var spec))
        {
            error = new("badVerb", verbs.Count > 1
                ? "Tham số verb bị lặp lại (the verb argument is repeated)."
                : $"Thiếu verb hoặc verb không hợp lệ; dùng một trong: {string.Join(", ", Verbs.Keys)} (missing or illegal verb).");
            return null;
        }
        var values = new Dictionary<string, string>();
        foreach (var (key, value) in all.Where(p => p.Key != "verb"))
        {
            if (value.Count != 1 || values.ContainsKey(key))
                return Fail(out error, $"Tham số '{key}' bị lặp lại (argument '{key}' is repeated).");
            var allowed = spec.Required.Contains(key) || spec.Optional.Contains(key) || (spec.TokenExclusive && key == "resumptionToken");
            if (!allowed) return Fail(out error, $"Tham số '{key}' không hợp lệ với verb {verbs[0]} (illegal argument for this verb).");
            values[key] = value[0] ?? "";
        }
        if (values.ContainsKey("resumptionToken"))
        {
            if (values.Count > 1) return Fail(out error, "resumptionToken phải là tham số duy nhất ngoài verb (resumptionToken is an exclusive argument).");
        }
        else if (spec.Required.FirstOrDefault(r => !values.ContainsKey(r)) is { } missing)
        {
            return Fail(out error, $"Thiếu tham số bắt buộc '{missing}' (missing required argument).");
        }
        return new OaiArguments(verbs[0]!, values);
    }

    /// <summary>Validates from/until (UTC, day or seconds granularity, same granularity, from ≤ until).</summary>
    public OaiSelection? Selection(out OaiError? error)
    {
        error = null;
        DateTimeOffset? from = null, until = null;
        string? fromGranularity = null, untilGranularity = null;
        if (this["from"] is { } f && !TryParseDate(f, out from, out fromGranularity))
            return FailSelection(out error, $"from '{f}' không hợp lệ: dùng YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ssZ (bad from date).");
        if (this["until"] is { } u && !TryParseDate(u, out until, out untilGranularity))
            return FailSelection(out error, $"until '{u}' không hợp lệ: dùng YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ssZ (bad until date).");
        if (fromGranularity is not null && untilGranularity is not null && fromGranularity != untilGranularity)
            return FailSelection(out error, "from và until phải cùng độ chi tiết (from and until must have the same granularity).");
        if (from > until)
            return FailSelection(out error, "from phải trước hoặc bằng until (from must not be later than until).");
        // until is inclusive at its granularity: a day covers the whole day, a second the whole second.
        var untilExclusive = until?.Add(untilGranularity == "day" ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(1));
        return new OaiSelection(this["metadataPrefix"]!, this["set"], from, untilExclusive);
    }

    private static bool TryParseDate(string text, out DateTimeOffset? value, out string? granularity)
    {
        value = null;
        granularity = null;
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day))
            (value, granularity) = (day, "day");
        else if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, styles, out var second))
            (value, granularity) = (second, "seconds");
        return value is not null;
    }

    private static OaiArguments? Fail(out OaiError? error, string message)
    {
        error = new("badArgument", message);
        return null;
    }

    private static OaiSelection? FailSelection(out OaiError? error, string message)
    {
        error = new("badArgument", message);
        return null;
    }
}
