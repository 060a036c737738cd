using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Registry.Api.Problems;
using Registry.Data.Abstractions;

namespace Registry.Api.Auth;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against <see cref="IApiKeyStore"/>. The key itself is never logged
/// or put in a claim; only the key's name (the actor) is.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var actor = await keys.AuthenticateAsync(values.ToString().Trim(), Context.RequestAborted);
        if (actor is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, actor.Name), new Claim(ClaimTypes.Role, RegistryRoles.Of(actor.Role))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        var presented = Request.Headers.ContainsKey(HeaderName);
        var detail = presented
            ? "Khóa API không đúng hoặc đã bị thu hồi (the API key is unknown or revoked)."
            : $"Gửi khóa API của cán bộ cập nhật trong tiêu đề {HeaderName} (send a curator API key in the {HeaderName} header).";
        await ApiProblems.Create(ProblemKind.Unauthorized, detail).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await ApiProblems.Create(ProblemKind.Forbidden,
            "Khóa API này không có quyền thực hiện thao tác (this API key's role may not do this).").ExecuteAsync(Context);
    }
}

public static class RegistryRoles
{
    public const string Curator = "curator";
    public const string Admin = "admin";

    /// <summary>Policy for writes: curators and admins.</summary>
    public const string CuratorPolicy = "curator";
    public const string AdminPolicy = "admin";

    public static string Of(ApiRole role) => role == ApiRole.Admin ? Admin : Curator;

    /// <summary>The actor behind an authenticated request (key name and role).</summary>
    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.Identity.Name is null) return null;
        return new Actor(user.Identity.Name, user.IsInRole(Admin) ? ApiRole.Admin : ApiRole.Curator);
    }

    public static bool IsCurator(ClaimsPrincipal user) => user.IsInRole(Curator) || user.IsInRole(Admin);
}
