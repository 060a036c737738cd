using CsCheck;
using Registry.Data.Records;

namespace Registry.Data.Tests.Identifiers;

/// <summary>
/// Check digits, proved by property: identifiers built with check digits computed here (from the schemes' own
/// definitions, not through the code under test) are accepted in every form people paste, and every change of one
/// character to another allowed character is refused.
/// </summary>
public sealed class CheckDigitTests
{
    private const string Digits = "0123456789";
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    // ---- oracles, written from the standards ----

    /// <summary>ISO 7064 MOD 11-2 as ORCID documents it.</summary>
    private static char Mod11_2(string digits)
    {
        var total = 0;
        foreach (var c in digits) total = (total + (c - '0')) * 2 % 11;
        var result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }

    private static string RorCheck(string six)
    {
        var n = six.Aggregate(0L, (acc, c) => acc * 32 + Crockford.IndexOf(c));
        return (98 - n * 100 % 97).ToString("00");
    }

    private static char Isbn10Check(string nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (10 - i) * (nine[i] - '0');
        var c = (11 - sum % 11) % 11;
        return c == 10 ? 'X' : (char)('0' + c);
    }

    private static char Isbn13Check(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (i % 2 == 0 ? 1 : 3) * (twelve[i] - '0');
        return (char)('0' + (10 - sum % 10) % 10);
    }

    private static char IssnCheck(string seven)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++) sum += (8 - i) * (seven[i] - '0');
        var c = (11 - sum % 11) % 11;
        return c == 10 ? 'X' : (char)('0' + c);
    }

    private static Gen<string> DigitString(int length) => Gen.Int[0, 9].Array[length].Select(d => string.Concat(d));

    private static Gen<string> ValidOrcid => DigitString(15).Select(b => b + Mod11_2(b));
    private static Gen<string> ValidRor => Gen.Int[0, 31].Array[6].Select(d => string.Concat(d.Select(i => Crockford[i]))).Select(s => "0" + s + RorCheck(s));
    private static Gen<string> ValidIsbn10 => DigitString(9).Select(b => b + Isbn10Check(b));
    private static Gen<string> ValidIsbn13 => Gen.Select(Gen.OneOf("978", "979"), DigitString(9)).Select((p, b) => p + b + Isbn13Check(p + b));
    private static Gen<string> ValidIssn => DigitString(7).Select(b => b + IssnCheck(b));

    /// <summary>Every string that differs from <paramref name="id"/> in one position, by a character of <paramref name="alphabet"/>.</summary>
    private static IEnumerable<string> OneCharacterChanges(string id, string alphabet, Func<int, bool>? position = null)
    {
        for (var i = 0; i < id.Length; i++)
        {
            if (position is not null && !position(i)) continue;
            foreach (var c in alphabet)
            {
                if (char.ToLowerInvariant(c) == char.ToLowerInvariant(id[i])) continue;
                yield return id[..i] + c + id[(i + 1)..];
            }
        }
    }

    private static string Orcid16(string digits) => $"{digits[..4]}-{digits[4..8]}-{digits[8..12]}-{digits[12..]}";

    [Fact]
    public void Orcid_valid_ids_are_accepted_in_every_form_and_stored_as_the_https_url() =>
        ValidOrcid.Sample(digits =>
        {
            var canonical = "https://orcid.org/" + Orcid16(digits);
            foreach (var form in new[] { Orcid16(digits), digits, canonical, "http://orcid.org/" + Orcid16(digits), " orcid.org/" + Orcid16(digits).ToLowerInvariant() + " " })
            {
                Assert.Equal(canonical, Records.Identifiers.Orcid(form).Value);
            }
        });

    [Fact]
    public void Orcid_one_character_changes_are_refused_as_check_digit_errors() =>
        ValidOrcid.Sample(digits =>
        {
            foreach (var changed in OneCharacterChanges(digits, Digits + "X"))
            {
                if (changed[..15].Contains('X')) continue; // X only stands last: a shape error, tested below
                var parsed = Records.Identifiers.Orcid(Orcid16(changed));
                Assert.False(parsed.Ok, $"{Orcid16(changed)} (from {Orcid16(digits)}) was accepted");
                Assert.Equal(IdentifierProblem.CheckDigit, parsed.Problem);
            }
        }, iter: 200);

    [Fact]
    public void Ror_valid_ids_are_accepted_and_stored_as_the_https_url() =>
        ValidRor.Sample(id =>
        {
            var canonical = "https://ror.org/" + id;
            foreach (var form in new[] { id, id.ToUpperInvariant(), canonical, "http://ror.org/" + id, "ror.org/" + id })
            {
                Assert.Equal(canonical, Records.Identifiers.Ror(form).Value);
            }
        });

    [Fact]
    public void Ror_one_character_changes_are_refused() =>
        ValidRor.Sample(id =>
        {
            // Base32 positions change to another base32 character, check positions to another digit.
            foreach (var changed in OneCharacterChanges(id, Crockford, i => i is >= 1 and <= 6)
                         .Concat(OneCharacterChanges(id, Digits, i => i >= 7)))
            {
                Assert.False(Records.Identifiers.Ror(changed).Ok, $"{changed} (from {id}) was accepted");
            }
        }, iter: 200);

    [Fact]
    public void Isbn_10_and_13_valid_numbers_are_accepted_with_or_without_hyphens_and_label() =>
        Gen.Select(ValidIsbn10, ValidIsbn13).Sample((ten, thirteen) =>
        {
            Assert.Equal(ten, Records.Identifiers.Isbn(ten).Value);
            Assert.Equal(ten, Records.Identifiers.Isbn($"ISBN {ten[..1]}-{ten[1..4]}-{ten[4..9]}-{ten[9..]}").Value);
            Assert.Equal(thirteen, Records.Identifiers.Isbn(thirteen).Value);
            Assert.Equal(thirteen, Records.Identifiers.Isbn($"ISBN-13: {thirteen[..3]}-{thirteen[3..6]}-{thirteen[6..12]}-{thirteen[12..]}").Value);
        });

    [Fact]
    public void Isbn_one_digit_changes_are_refused() =>
        Gen.Select(ValidIsbn10, ValidIsbn13).Sample((ten, thirteen) =>
        {
            foreach (var changed in OneCharacterChanges(ten, Digits))
                Assert.False(Records.Identifiers.Isbn(changed).Ok, $"ISBN-10 {changed} (from {ten}) was accepted");
            foreach (var changed in OneCharacterChanges(thirteen, Digits, i => i >= 3))
                Assert.False(Records.Identifiers.Isbn(changed).Ok, $"ISBN-13 {changed} (from {thirteen}) was accepted");
        }, iter: 200);

    [Fact]
    public void Issn_valid_numbers_are_accepted_and_one_digit_changes_refused() =>
        ValidIssn.Sample(issn =>
        {
            var canonical = $"{issn[..4]}-{issn[4..]}";
            Assert.Equal(canonical, Records.Identifiers.Issn(issn).Value);
            Assert.Equal(canonical, Records.Identifiers.Issn("ISSN " + canonical.ToLowerInvariant()).Value);
            foreach (var changed in OneCharacterChanges(issn, Digits))
                Assert.False(Records.Identifiers.Issn(changed).Ok, $"ISSN {changed} (from {issn}) was accepted");
        }, iter: 200);

    [Theory]
    [InlineData("0000-0002-1825-0097")] // Josiah Carberry, ORCID's documented example
    [InlineData("0000-0001-5109-3700")]
    [InlineData("0000-0002-1694-233X")]
    public void Published_example_orcids_are_valid(string orcid) => Assert.True(Records.Identifiers.Orcid(orcid).Ok);

    [Theory]
    [InlineData("05dxps055")] // Caltech
    [InlineData("02jx3x895")] // University College London
    [InlineData("01ggx4157")] // CERN
    public void Real_ror_ids_are_valid(string ror) => Assert.True(Records.Identifiers.Ror(ror).Ok);

    [Theory]
    [InlineData("978-3-16-148410-0")]
    [InlineData("0-306-40615-2")]
    [InlineData("080442957X")]
    public void Textbook_isbns_are_valid(string isbn) => Assert.True(Records.Identifiers.Isbn(isbn).Ok);

    [Theory]
    [InlineData("0378-5955")]
    [InlineData("2049-3630")]
    [InlineData("0317-8471")]
    public void Published_issns_are_valid(string issn) => Assert.True(Records.Identifiers.Issn(issn).Ok, issn);

    [Theory]
    [InlineData("0000-0002-1825-009")]
    [InlineData("0000-0002-1825-00977")]
    [InlineData("X000-0002-1825-0097")]
    [InlineData("https://example.org/0000-0002-1825-0097")]
    [InlineData("0000 0002 1825 0097 extra")]
    [InlineData("")]
    public void Orcid_shapes_that_are_not_an_orcid_are_refused_as_shape_errors(string text) =>
        Assert.Equal(IdentifierProblem.Shape, Records.Identifiers.Orcid(text).Problem);

    [Theory]
    [InlineData("15dxps055")] // must start with 0
    [InlineData("05dxpl055")] // l is not Crockford base32
    [InlineData("05dxps05")]
    [InlineData("https://ror.org/")]
    [InlineData("https://example.org/05dxps055")]
    public void Ror_shapes_that_are_not_a_ror_id_are_refused(string text) =>
        Assert.Equal(IdentifierProblem.Shape, Records.Identifiers.Ror(text).Problem);
}
