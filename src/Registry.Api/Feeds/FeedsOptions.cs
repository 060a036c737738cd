using System.ComponentModel.DataAnnotations;

namespace Registry.Api.Feeds;

/// <summary>Settings of the open-data feeds, harvesting, snapshots and embeds (section <c>Registry:Feeds</c>).</summary>
public sealed class FeedsOptions
{
    public const string Section = "Registry:Feeds";

    /// <summary>Absolute base URL used in feeds, OAI-PMH and sitemaps (e.g. https://registry.phutho.gov.vn);
    /// read from <c>Registry:PublicBaseUrl</c>. When empty, the request's scheme and host are used.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Entries in an Atom, RSS or JSON feed.</summary>
    [Range(1, 200)]
    public int FeedSize { get; set; } = 50;

    /// <summary>Records or headers per OAI-PMH response before a resumption token.</summary>
    [Range(1, 1000)]
    public int OaiPageSize { get; set; } = 100;

    /// <summary>Contact address given in the OAI-PMH Identify response.</summary>
    public string AdminEmail { get; set; } = "opendata@sokhcn.phutho.gov.vn";

    /// <summary>URLs per sitemap file; above this the sitemap becomes a sitemap index (the protocol's limit is 50,000).</summary>
    [Range(1, 50_000)]
    public int SitemapMaxUrls { get; set; } = 50_000;

    public SnapshotSettings Snapshots { get; set; } = new();

    public sealed class SnapshotSettings
    {
        /// <summary>Run the snapshot job in the background (on start when missing, then every <see cref="Interval"/>).</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Time between two snapshot runs.</summary>
        public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
    }
}
