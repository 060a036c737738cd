using System.Buffers.Text;
using System.Text.Json;

namespace Registry.Api.Feeds.Oai;

/// <summary>
/// A stateless resumption token: the selection and the keyset position (datestamp ticks, id) of the last item
/// sent, plus how many items were sent before. Opaque base64url JSON; no server state, so it never expires.
/// </summary>
public sealed record OaiToken(string Verb, OaiSelection Selection, long AfterTicks, string AfterId, int Cursor)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(
        Verb, Selection.MetadataPrefix, Selection.Set, Selection.From?.UtcTicks, Selection.UntilExclusive?.UtcTicks, AfterTicks, AfterId, Cursor)));

    public static OaiToken? Decode(string text, string verb)
    {
        if (text.Length is 0 or > 2048) return null;
        try
        {
            var p = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(text));
            if (p is null || p.V != verb || string.IsNullOrEmpty(p.M) || string.IsNullOrEmpty(p.I) || p.C < 0) return null;
            // A crafted token may carry any number: every instant must be one DateTimeOffset can hold.
            if (!IsInstant(p.T) || p.F is { } f && !IsInstant(f) || p.U is { } u && !IsInstant(u)) return null;
            var selection = new OaiSelection(p.M, p.S, Time(p.F), Time(p.U));
            return new OaiToken(p.V, selection, p.T, p.I, p.C);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool IsInstant(long ticks) => ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks;

    private static DateTimeOffset? Time(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private sealed record Payload(string V, string M, string? S, long? F, long? U, long T, string I, int C);
}
