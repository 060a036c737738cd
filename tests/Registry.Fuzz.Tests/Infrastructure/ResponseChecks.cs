using System.Text;
using System.Text.Json;
using System.Xml;

namespace Registry.Fuzz.Tests.Infrastructure;

/// <summary>What every answer to a hostile request must satisfy, whatever the request.</summary>
public static class ResponseChecks
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the whole body (a stream cut off mid-way fails here), and asserts: no 5xx, and a 200 whose body
    /// parses in its declared media type. Returns the body text for further checks.
    /// </summary>
    public static async Task<string> AssertSaneAsync(HttpResponseMessage response, string what)
    {
        byte[] bytes;
        try
        {
            bytes = await response.Content.ReadAsByteArrayAsync();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} body was cut off mid-stream: {e.GetBaseException().Message}");
        }

        var status = (int)response.StatusCode;
        var text = Encoding.UTF8.GetString(bytes);
        if (status >= 500) throw new InvalidOperationException($"{what}: answered {status}: {Clip(text)}");
        if (text.Contains("   at ", StringComparison.Ordinal) && text.Contains("Exception", StringComparison.Ordinal))
            throw new InvalidOperationException($"{what}: a stack trace in the body: {Clip(text)}");
        if (status == 200) AssertParses(response.Content.Headers.ContentType?.MediaType ?? "", bytes, what);
        return text;
    }

    private static void AssertParses(string mediaType, byte[] bytes, string what)
    {
        try
        {
            if (IsXml(mediaType)) ReadXml(bytes);
            else if (mediaType is "application/x-ndjson" or "application/jsonl") ReadJsonLines(bytes);
            else if (IsJson(mediaType)) JsonDocument.Parse(bytes).Dispose();
            else if (mediaType.StartsWith("text/", StringComparison.Ordinal)) StrictUtf8.GetString(bytes);
        }
        catch (Exception e) when (e is XmlException or JsonException or DecoderFallbackException)
        {
            throw new InvalidOperationException($"{what}: 200 {mediaType} that does not parse: {e.Message}");
        }
    }

    private static bool IsXml(string mediaType) => mediaType.EndsWith("xml", StringComparison.Ordinal);

    private static bool IsJson(string mediaType) => mediaType.EndsWith("json", StringComparison.Ordinal);

    /// <summary>An XML 1.0 reader as a harvester would use: character checking on, no DTDs.</summary>
    private static void ReadXml(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true };
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        while (reader.Read())
        {
        }
    }

    private static void ReadJsonLines(byte[] bytes)
    {
        foreach (var line in StrictUtf8.GetString(bytes).Split('\n'))
            if (!string.IsNullOrWhiteSpace(line)) JsonDocument.Parse(line).Dispose();
    }

    /// <summary>True when text holds a character XML 1.0 and strict JSON consumers cannot carry.</summary>
    public static bool HasForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r')) return true;
            if (c is '\uFFFE' or '\uFFFF') return true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return true;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return true;
        }

        return false;
    }

    /// <summary>Every string inside a JSON document, decoded, for checking what the service stored.</summary>
    public static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    public static string Clip(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
