namespace Registry.Data.Records;

/// <summary>A display name in Vietnamese (shown first) and in English.</summary>
public sealed record Label(string Vi, string En);
