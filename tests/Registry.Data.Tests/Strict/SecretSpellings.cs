using System.Text;

namespace Registry.Data.Tests.Strict;

/// <summary>Every way a curator, a keyboard or an attacker may write a secret level, as JSON values.</summary>
public static class SecretSpellings
{
    private static readonly string[] Texts =
    [
        "confidential", "secret", "topSecret", "TopSecret", "TOPSECRET", "Confidential", "top_secret",
        "Mật", "MẬT", "mật", "mat", "MAT", "Mat",
        "Tối mật", "TỐI MẬT", "toi mat", "toimat", "tối-mật",
        "Tuyệt mật", "TUYỆT MẬT", "tuyet mat", "Tuyet Mat",
        // NFD (decomposed, as some keyboards send) and a stray space/zero-width joiner inside.
        "Tối mật".Normalize(NormalizationForm.FormD), "Tuyệt mật".Normalize(NormalizationForm.FormD), "Mật".Normalize(NormalizationForm.FormD),
        " Mật ", "M\u200Dật",
        // Not a known level at all: never taken as harmless.
        "bí mật quốc gia", "public?",
    ];

    /// <summary>JSON value texts: the strings above, quoted and escaped, then non-string values.</summary>
    public static IEnumerable<string> JsonValues() =>
        Texts.Select(t => System.Text.Json.JsonSerializer.Serialize(t))
            .Concat(["1", "3", "true", "false", "{\"level\":\"none\"}", "[\"none\"]", "\"\\u004d\\u1ead\\u0074\""]);

    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var v in JsonValues()) data.Add(v);
        return data;
    }

    /// <summary>"Not classified" spellings: an ordinary record.</summary>
    public static TheoryData<string> NotClassified() =>
        ["\"none\"", "\"None\"", "\"NONE\"", "\"Không\"", "\"KHÔNG\"", "\"khong\"", "\"Thường\"", "\"thuong\"", "null",
            System.Text.Json.JsonSerializer.Serialize("Không".Normalize(NormalizationForm.FormD))];
}
