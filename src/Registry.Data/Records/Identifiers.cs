using System.Text.RegularExpressions;

namespace Registry.Data.Records;

/// <summary>Why a text is not the identifier it claims to be.</summary>
public enum IdentifierProblem
{
    None,
    /// <summary>Not the form of the identifier at all.</summary>
    Shape,
    /// <summary>The right form, but the check digits do not match: usually one mistyped character.</summary>
    CheckDigit,
}

/// <summary>An identifier read from input: its canonical form, or the problem.</summary>
public readonly record struct ParsedIdentifier(string? Value, IdentifierProblem Problem)
{
    public bool Ok => Value is not null;
    internal static ParsedIdentifier Of(string value) => new(value, IdentifierProblem.None);
    internal static readonly ParsedIdentifier BadShape = new(null, IdentifierProblem.Shape);
    internal static readonly ParsedIdentifier BadCheck = new(null, IdentifierProblem.CheckDigit);
}

/// <summary>
/// Persistent identifiers of record v1, read in the forms people paste and stored in one canonical form each:
/// ORCID and ROR as their https URLs, a funder as a ROR URL or a Crossref Funder Registry DOI URL
/// (https://doi.org/10.13039/…), and an output's DOI, ISBN, ISSN, patent or handle by its
/// <see cref="OutputIdentifierType"/> in its bare form (<c>10.1234/abc</c>, digits of an ISBN, <c>NNNN-NNNC</c>,
/// <c>1-0012345</c>, <c>prefix/suffix</c>). Check digits are verified where the scheme has them.
/// </summary>
public static partial class Identifiers
{
    public const string OrcidBase = "https://orcid.org/";
    public const string RorBase = "https://ror.org/";
    public const string DoiBase = "https://doi.org/";
    public const string HandleBase = "https://hdl.handle.net/";
    /// <summary>The DOI prefix of the Crossref Funder Registry.</summary>
    public const string FunderRegistryPrefix = "10.13039/";

    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>ORCID iD: 16 characters in four groups, the last a ISO 7064 MOD 11-2 check character (0-9 or X).</summary>
    public static ParsedIdentifier Orcid(string? input)
    {
        var text = StripPrefix(Squeeze(input), "https://orcid.org/", "http://orcid.org/", "orcid.org/", "orcid:");
        var digits = text.Replace("-", "").ToUpperInvariant();
        if (!OrcidShape().IsMatch(text) || digits.Length != 16) return ParsedIdentifier.BadShape;
        if (Mod11_2(digits[..15]) != digits[15]) return ParsedIdentifier.BadCheck;
        return ParsedIdentifier.Of($"{OrcidBase}{digits[..4]}-{digits[4..8]}-{digits[8..12]}-{digits[12..]}");
    }

    /// <summary>
    /// ROR id: "0", six Crockford base32 characters, and two check digits (ISO 7064 MOD 97-10 of the number the
    /// base32 characters encode), e.g. 05dxps055.
    /// </summary>
    public static ParsedIdentifier Ror(string? input)
    {
        var id = StripPrefix(Squeeze(input), "https://ror.org/", "http://ror.org/", "ror.org/", "ror:").ToLowerInvariant();
        if (!RorShape().IsMatch(id)) return ParsedIdentifier.BadShape;
        long n = 0;
        foreach (var c in id[1..7]) n = n * 32 + Crockford.IndexOf(c);
        var check = (98 - n * 100 % 97).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        return check == id[7..] ? ParsedIdentifier.Of(RorBase + id) : ParsedIdentifier.BadCheck;
    }

    /// <summary>A DOI (10.NNNN/suffix), from its bare, doi: or https://doi.org/ form; returned bare.</summary>
    public static ParsedIdentifier Doi(string? input)
    {
        var text = Squeeze(input);
        var stripped = StripPrefix(text, "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/");
        if (stripped.Length != text.Length)
        {
            try { stripped = Uri.UnescapeDataString(stripped); } catch (UriFormatException) { return ParsedIdentifier.BadShape; }
        }
        else
        {
            stripped = DoiLabel().Replace(text, "");
        }
        return DoiShape().IsMatch(stripped) ? ParsedIdentifier.Of(stripped) : ParsedIdentifier.BadShape;
    }

    /// <summary>A funder: a ROR id or a Crossref Funder Registry DOI (10.13039/ and digits), returned as its URL.</summary>
    public static ParsedIdentifier Funder(string? input)
    {
        var text = Squeeze(input);
        if (Doi(text) is { Ok: true, Value: var doi })
        {
            return doi!.StartsWith(FunderRegistryPrefix, StringComparison.Ordinal) && FunderSuffix().IsMatch(doi[FunderRegistryPrefix.Length..])
                ? ParsedIdentifier.Of(DoiBase + doi)
                : ParsedIdentifier.BadShape;
        }
        return Ror(text);
    }

    /// <summary>Whether a stored funder identifier (see <see cref="Funder"/>) is a ROR id; otherwise it is a Funder Registry DOI.</summary>
    public static bool IsRor(string storedFunderIdentifier) => storedFunderIdentifier.StartsWith(RorBase, StringComparison.Ordinal);

    /// <summary>ISBN-10 (MOD 11, X for ten) or ISBN-13 (978/979, EAN check digit), hyphens and spaces dropped.</summary>
    public static ParsedIdentifier Isbn(string? input)
    {
        var text = IsbnLabel().Replace(Squeeze(input), "").Replace("-", "").ToUpperInvariant();
        if (IsbnTen().IsMatch(text))
        {
            var sum = 0;
            for (var i = 0; i < 10; i++) sum += (10 - i) * (text[i] == 'X' ? 10 : text[i] - '0');
            return sum % 11 == 0 ? ParsedIdentifier.Of(text) : ParsedIdentifier.BadCheck;
        }
        if (IsbnThirteen().IsMatch(text))
        {
            var sum = 0;
            for (var i = 0; i < 13; i++) sum += (i % 2 == 0 ? 1 : 3) * (text[i] - '0');
            return sum % 10 == 0 ? ParsedIdentifier.Of(text) : ParsedIdentifier.BadCheck;
        }
        return ParsedIdentifier.BadShape;
    }

    /// <summary>ISSN: seven digits and a MOD 11 check character, written NNNN-NNNC.</summary>
    public static ParsedIdentifier Issn(string? input)
    {
        var text = IssnLabel().Replace(Squeeze(input), "").ToUpperInvariant();
        if (!IssnShape().IsMatch(text)) return ParsedIdentifier.BadShape;
        var digits = text.Replace("-", "");
        var sum = 0;
        for (var i = 0; i < 7; i++) sum += (8 - i) * (digits[i] - '0');
        var check = (11 - sum % 11) % 11;
        var expected = check == 10 ? 'X' : (char)('0' + check);
        return expected == digits[7] ? ParsedIdentifier.Of($"{digits[..4]}-{digits[4..]}") : ParsedIdentifier.BadCheck;
    }

    /// <summary>
    /// A Vietnamese patent (văn bằng bảo hộ) of the Intellectual Property Office: 1-NNNNNNN for an invention
    /// (bằng độc quyền sáng chế), 2-NNNNNNN for a utility solution (giải pháp hữu ích); or an application number
    /// 1-YYYY-NNNNN / 2-YYYY-NNNNN. A leading "VN" or "số" is dropped. There is no check digit.
    /// </summary>
    public static ParsedIdentifier VietnamesePatent(string? input)
    {
        var text = PatentLabel().Replace(Squeeze(input), "").Replace(" ", "");
        if (PatentNumber().Match(text) is { Success: true } granted) return ParsedIdentifier.Of($"{granted.Groups[1].Value}-{granted.Groups[2].Value}");
        return PatentApplication().IsMatch(text) ? ParsedIdentifier.Of(text) : ParsedIdentifier.BadShape;
    }

    /// <summary>A Handle (prefix/suffix, e.g. 20.500.12345/678), from its bare, hdl: or https://hdl.handle.net/ form.</summary>
    public static ParsedIdentifier Handle(string? input)
    {
        var text = StripPrefix(Squeeze(input), "https://hdl.handle.net/", "http://hdl.handle.net/", "hdl:");
        return HandleShape().IsMatch(text) ? ParsedIdentifier.Of(text) : ParsedIdentifier.BadShape;
    }

    /// <summary>The canonical form of an output identifier of <paramref name="type"/>; <c>other</c> is free text, kept as written.</summary>
    public static ParsedIdentifier Output(OutputIdentifierType type, string? input) => type switch
    {
        OutputIdentifierType.Doi => Doi(input),
        OutputIdentifierType.Isbn => Isbn(input),
        OutputIdentifierType.Issn => Issn(input),
        OutputIdentifierType.Patent => VietnamesePatent(input),
        OutputIdentifierType.Handle => Handle(input),
        OutputIdentifierType.Other => string.IsNullOrWhiteSpace(input) ? ParsedIdentifier.BadShape : ParsedIdentifier.Of(input.Trim()),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "An output identifier type without a reader."),
    };

    /// <summary>A resolvable URI of a stored output identifier (DOI and handle URLs, urn:isbn:, urn:issn:); null when there is none.</summary>
    public static string? OutputUri(OutputIdentifierType? type, string? value) => value is null ? null : type switch
    {
        OutputIdentifierType.Doi => DoiBase + value,
        OutputIdentifierType.Handle => HandleBase + value,
        OutputIdentifierType.Isbn => "urn:isbn:" + value,
        OutputIdentifierType.Issn => "urn:issn:" + value,
        _ => null,
    };

    /// <summary>ISO 7064 MOD 11-2 check character of the digits.</summary>
    internal static char Mod11_2(string digits)
    {
        var total = 0;
        foreach (var c in digits) total = (total + (c - '0')) * 2 % 11;
        var result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }

    /// <summary>Trimmed, also of the no-break spaces spreadsheets leave around a pasted id.</summary>
    private static string Squeeze(string? input) => (input ?? "").Replace('\u00A0', ' ').Trim();

    private static string StripPrefix(string text, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return text[prefix.Length..].Trim();
        }
        return text;
    }

    [GeneratedRegex(@"^\d{4}-?\d{4}-?\d{4}-?\d{3}[\dXx]$", RegexOptions.CultureInvariant)]
    private static partial Regex OrcidShape();

    [GeneratedRegex("^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RorShape();

    [GeneratedRegex(@"^(?:doi\s*:\s*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DoiLabel();

    /// <summary>10., a registrant code of digits (sub-codes after dots), a slash and a suffix of visible characters.</summary>
    [GeneratedRegex(@"^10\.[0-9]{4,9}(?:\.[0-9]+)*/\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex DoiShape();

    [GeneratedRegex("^[0-9]{6,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex FunderSuffix();

    [GeneratedRegex(@"^ISBN(?:-1[03])?\s*:?\s*|\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsbnLabel();

    [GeneratedRegex("^[0-9]{9}[0-9X]$", RegexOptions.CultureInvariant)]
    private static partial Regex IsbnTen();

    [GeneratedRegex("^97[89][0-9]{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsbnThirteen();

    [GeneratedRegex(@"^(?:e-?|p-?)?ISSN\s*:?\s*|\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IssnLabel();

    [GeneratedRegex("^[0-9]{4}-?[0-9]{3}[0-9X]$", RegexOptions.CultureInvariant)]
    private static partial Regex IssnShape();

    [GeneratedRegex(@"^(?:VN|số|so)\s*:?\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PatentLabel();

    [GeneratedRegex("^([12])-?([0-9]{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex PatentNumber();

    [GeneratedRegex("^[12]-(?:19|20)[0-9]{2}-[0-9]{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex PatentApplication();

    [GeneratedRegex(@"^[0-9]+(?:\.[0-9A-Za-z]+)*/\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex HandleShape();
}
