namespace Registry.Data.Abstractions;

/// <summary>What an API key may do. Admins can also manage keys.</summary>
public enum ApiRole
{
    Curator,
    Admin,
}

/// <summary>Who made a change: the API key's name (or "cli", "seed"), recorded in audit entries.</summary>
public sealed record Actor(string Name, ApiRole Role)
{
    public static readonly Actor CommandLine = new("cli", ApiRole.Admin);
    public static readonly Actor Seeder = new("seed", ApiRole.Admin);
}
