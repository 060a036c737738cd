using System.Globalization;
using Registry.Api.ApiKeys;
using Registry.Data.Abstractions;

namespace Registry.Api.Cli;

/// <summary><c>apikey create|revoke|list</c>. Plain keys are printed once, at creation, and never logged.</summary>
internal static class ApiKeyCommands
{
    public static CliAction? Parse(CliArguments args, out string usageError)
    {
        usageError = "";
        var sub = args.Words.Count > 1 ? args.Words[1].ToLowerInvariant() : "";
        switch (sub)
        {
            case "create" when args.Unknown("--role", "--name") is null:
                var name = args.Value("--name");
                var role = args.Value("--role")?.ToLowerInvariant() switch { "curator" => ApiRole.Curator, "admin" => (ApiRole?)ApiRole.Admin, _ => null };
                if (string.IsNullOrWhiteSpace(name) || role is null || args.Words.Count != 2) break;
                if (ApiKeyNames.Problem(name.Trim()) is { } nameProblem)
                {
                    usageError = nameProblem;
                    return null;
                }
                return (services, stdout, stderr, ct) => CreateAsync(services.GetRequiredService<IApiKeyStore>(), name.Trim(), role.Value, stdout, stderr, ct);
            case "revoke" when args.Words.Count == 3 && args.Options.Count == 0:
                var revoked = args.Words[2];
                return (services, stdout, stderr, ct) => RevokeAsync(services.GetRequiredService<IApiKeyStore>(), revoked, stdout, stderr, ct);
            case "list" when args.Words.Count == 2 && args.Options.Count == 0:
                return (services, stdout, _, ct) => ListAsync(services.GetRequiredService<IApiKeyStore>(), stdout, ct);
        }

        usageError = "Cách dùng (usage): apikey create --role curator|admin --name NAME | apikey revoke NAME | apikey list";
        return null;
    }

    private static async Task<int> CreateAsync(IApiKeyStore keys, string name, ApiRole role, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var existing = await keys.ListAsync(ct);
        if (existing.Any(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            await stderr.WriteLineAsync(ApiKeyNames.Taken(name));
            return RegistryCli.Rejected;
        }

        var (info, plainKey) = await keys.CreateAsync(name, role, ct);
        await stdout.WriteLineAsync($"Đã tạo khóa '{info.Name}' với vai trò {Role(info.Role)} (created key '{info.Name}', role {Role(info.Role)}).");
        await stdout.WriteLineAsync("Khóa chỉ hiện một lần, hãy lưu lại ngay (the key is shown once, store it now):");
        await stdout.WriteLineAsync(plainKey);
        return RegistryCli.Ok;
    }

    private static async Task<int> RevokeAsync(IApiKeyStore keys, string name, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (await keys.RevokeAsync(name, ct))
        {
            await stdout.WriteLineAsync($"Đã thu hồi khóa '{name}' (key '{name}' revoked).");
            return RegistryCli.Ok;
        }

        await stderr.WriteLineAsync($"Không có khóa đang dùng tên '{name}' (no active key named '{name}').");
        return RegistryCli.Rejected;
    }

    private static async Task<int> ListAsync(IApiKeyStore keys, TextWriter stdout, CancellationToken ct)
    {
        var all = await keys.ListAsync(ct);
        if (all.Count == 0)
        {
            await stdout.WriteLineAsync("Chưa có khóa nào (no keys yet).");
            return RegistryCli.Ok;
        }

        await stdout.WriteLineAsync($"{"NAME",-24} {"ROLE",-8} {"CREATED",-20} REVOKED");
        foreach (var key in all.OrderBy(k => k.Name, StringComparer.OrdinalIgnoreCase))
        {
            var revoked = key.RevokedAt is { } at ? Stamp(at) : "-";
            await stdout.WriteLineAsync($"{key.Name,-24} {Role(key.Role),-8} {Stamp(key.CreatedAt),-20} {revoked}");
        }

        return RegistryCli.Ok;
    }

    private static string Role(ApiRole role) => role == ApiRole.Admin ? "admin" : "curator";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
