namespace Registry.Data.Demo;

/// <summary>
/// What tasks of one sector are about: actions and subjects that combine into titles. Each entry is
/// "Vietnamese|English" so about 40% of tasks can carry an English title built from the same parts.
/// </summary>
internal sealed record SectorTheme(string Sector, string[] Actions, string[] Subjects)
{
    public static (string Vi, string En) Split(string pair)
    {
        var bar = pair.IndexOf('|');
        return bar < 0 ? (pair, pair) : (pair[..bar], pair[(bar + 1)..]);
    }
}
