using SkiaSharp;

namespace Registry.Api.Web.Cards;

/// <summary>
/// The bundled DejaVu Sans faces (embedded resources, licence in Fonts/LICENSE.txt), loaded once. They carry every
/// precomposed Vietnamese letter (ă â đ ê ô ơ ư with the five tone marks), so cards never fall back to whatever
/// fonts the server happens to have.
/// </summary>
public static class CardFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string file)
    {
        var name = "Registry.Api.Web.Cards.Fonts." + file;
        using var stream = typeof(CardFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The card font '{name}' is not embedded in the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The card font '{name}' cannot be read.");
    }
}
