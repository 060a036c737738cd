using Asp.Versioning;
using Microsoft.AspNetCore.Authentication;
using Registry.Api.Auth;
using Registry.Api.Hosting;
using Registry.Api.Http;
using Registry.Api.Imports;
using Registry.Api.OpenApi;
using Registry.Api.Problems;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Import;
using Registry.Data.Records;
using Registry.Search;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class RegistryApiServices
{
    /// <summary>Everything the HTTP host needs: the store, JSON, problems, auth, versioning, OpenAPI, health, imports.</summary>
    public static IServiceCollection AddRegistryApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Hosted services start in registration order: migrating and seeding first, so the outbox indexer and
        // the other background services never poll tables that do not exist yet.
        services.AddHostedService<RegistryStartup>();
        services.AddRegistryCore(configuration);
        services.AddRegistryForwardedHeaders();
        Registry.Api.Telemetry.TelemetryServices.AddRegistryTelemetry(services, configuration);

        // Reading is strict for every body still bound by the framework: no duplicate (also case-variant) or unknown properties.
        services.ConfigureHttpJsonOptions(o => RegistryJson.ConfigureStrictInput(RegistryJson.Configure(o.SerializerOptions)));
        // Unreadable bodies and parameters throw, so RegistryExceptionHandler can say which field is wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Customize);
        services.AddExceptionHandler<RegistryExceptionHandler>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(RegistryRoles.CuratorPolicy, p => p.RequireRole(RegistryRoles.Curator, RegistryRoles.Admin))
            .AddPolicy(RegistryRoles.AdminPolicy, p => p.RequireRole(RegistryRoles.Admin));

        services.AddApiVersioning(o =>
            {
                o.DefaultApiVersion = new ApiVersion(1);
                o.ApiVersionReader = new UrlSegmentApiVersionReader();
                o.ReportApiVersions = true;
                o.UnsupportedApiVersionStatusCode = StatusCodes.Status400BadRequest;
            })
            .AddApiExplorer(o =>
            {
                o.GroupNameFormat = "'v'VVV";
                o.SubstituteApiVersionInUrl = true;
            });
        services.AddRegistrySwagger();
        services.AddRegistryCatalogApi();
        services.AddHealthChecks()
            .AddRegistryStoreCheck("store", [HealthApi.ReadyTag])
            .AddCheck<Registry.Api.Health.SearchIndexHealthCheck>("search", tags: [HealthApi.ReadyTag]);
        services.AddSingleton<SingletonLeases>();
        services.AddHostedService<EmbeddedIndexClaim>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportWorker>();
        services.AddHostedService<Registry.Api.Inquiries.InquiryRetentionWorker>();
        services.AddRegistryHttp();
        Registry.Api.Forms.FormServices.AddRegistryForms(services);
        Registry.Api.Mail.MailServices.AddRegistryMail(services);
        Registry.Api.Alerts.AlertServices.AddRegistryAlerts(services);
        services.AddSingleton<Registry.Api.Feedback.FeedbackRetention>();
        services.AddHostedService<Registry.Api.Feedback.FeedbackRetentionWorker>();
        services.AddRegistryGraphQL();
        services.AddRegistryFeeds(configuration);
        services.AddRegistryWebhooks();
        return services;
    }

    /// <summary>What both the web host and the command-line verbs need: the store and the host options.</summary>
    public static IServiceCollection AddRegistryCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegistryData(configuration);
        services.AddRegistrySearch(configuration);
        // The Lucene index lives beside the database unless configured elsewhere.
        services.AddOptions<SearchOptions>().PostConfigure<IOptions<RegistryDataOptions>>((search, data) =>
            search.IndexDirectory ??= Path.Combine(data.Value.DataDirectoryFullPath, "index"));
        services.AddSingleton(sp => new ImportService(sp.GetRequiredService<ITaskStore>())
        {
            // The readers' absolute caps (decompressed workbook size) follow the upload limit.
            Limits = new ImportReadLimits { MaxBytes = sp.GetRequiredService<IOptions<RegistryApiOptions>>().Value.Imports.MaxBytes },
        });
        services.AddSingleton<DataDirectoryLock>();
        services.AddSingleton<InstanceIdentity>();
        services.AddOptions<RegistryApiOptions>().BindConfiguration(RegistryApiOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Imports.JobHeartbeat > TimeSpan.Zero && o.Imports.JobLease >= 2 * o.Imports.JobHeartbeat,
                "Registry:Imports:JobLease must be at least twice Registry:Imports:JobHeartbeat (and the heartbeat positive), " +
                "or a busy instance's jobs could be failed by another instance between two renewals.")
            .ValidateOnStart();
        return services;
    }
}
