using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>
/// <see cref="GraphQLApiFactory"/>'s seeded catalogue on a real Kestrel listener at 127.0.0.1 (a free port), as
/// Registry.Web.Tests starts its host for Chromium: clients that are not .NET (graphql-js in Node, a browser)
/// cannot reach the in-memory test server.
/// </summary>
public sealed class GraphQLKestrelFactory : GraphQLApiFactory, IAsyncLifetime
{
    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Endpoint => BaseUrl + "/graphql";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        UseKestrel();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/');
        await InitializeAsync();
    }

    /// <summary>A client of the Kestrel listener (not the in-memory server).</summary>
    public HttpClient Http() => new() { BaseAddress = new Uri(BaseUrl) };
}
