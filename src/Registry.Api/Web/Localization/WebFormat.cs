using System.Globalization;

namespace Registry.Api.Web.Localization;

/// <summary>
/// Numbers, dates and VND amounts as each language writes them. The formats are spelled out rather than taken from
/// ICU so pages read the same on every machine (and in invariant-globalization containers).
/// </summary>
public sealed class WebFormat
{
    private static readonly NumberFormatInfo ViNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
    private static readonly NumberFormatInfo EnNumbers = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = "." };
    private static readonly string[] EnMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly WebLanguage _language;

    public WebFormat(WebLanguage language) => _language = language;

    private NumberFormatInfo Numbers => _language == WebLanguage.En ? EnNumbers : ViNumbers;

    public string Number(long value) => value.ToString("#,0", Numbers);

    public string Decimal(double value, int digits) => value.ToString("#,0." + new string('#', digits), Numbers);

    public string Percent(double ratio) => Decimal(ratio * 100, 1) + (_language == WebLanguage.En ? "%" : " %");

    /// <summary>Full amount: "1.250.000.000 ₫" / "VND 1,250,000,000".</summary>
    public string Vnd(long amount) => _language == WebLanguage.En ? $"VND {Number(amount)}" : $"{Number(amount)} ₫";

    /// <summary>Short amount for headings and charts: "1,25 tỷ đồng" / "VND 1.25 billion".</summary>
    public string VndShort(long amount)
    {
        var (value, vi, en) = Math.Abs(amount) switch
        {
            >= 1_000_000_000_000 => (amount / 1e12, "nghìn tỷ đồng", "trillion"),
            >= 1_000_000_000 => (amount / 1e9, "tỷ đồng", "billion"),
            >= 1_000_000 => (amount / 1e6, "triệu đồng", "million"),
            _ => (amount, "đồng", ""),
        };
        var digits = Math.Abs(value) >= 100 ? 0 : 2;
        return _language == WebLanguage.En
            ? $"VND {Decimal(value, digits)}{(en.Length > 0 ? " " + en : "")}"
            : $"{Decimal(value, digits)} {vi}";
    }

    /// <summary>"15/03/2024" / "15 Mar 2024".</summary>
    public string Date(DateOnly date) => _language == WebLanguage.En
        ? $"{date.Day} {EnMonths[date.Month - 1]} {date.Year}"
        : date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    public string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.UtcDateTime));
}
