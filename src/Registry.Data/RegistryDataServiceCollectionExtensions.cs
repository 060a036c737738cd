using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Store;

namespace Registry.Data;

public static class RegistryDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store: validated <see cref="RegistryDataOptions"/> (section <c>Registry</c>), the provider's
    /// context as <see cref="RegistryDbContext"/> (scoped) and <see cref="IDbContextFactory{RegistryDbContext}"/>
    /// (for background services), the stores, and <see cref="RegistryStoreHealthCheck"/> (not mapped: the host adds it).
    /// </summary>
    public static IServiceCollection AddRegistryData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistryDataOptions>()
            .BindConfiguration(RegistryDataOptions.SectionName)
            .Configure(o => o.Database.ConnectionString ??= configuration.GetConnectionString(RegistryDataOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RegistryDataOptions>, RegistryDataOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDbContextFactory<RegistryDbContext>, RegistryDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext());

        // Each operation opens its own short-lived context, so the stores are safe as singletons.
        services.AddSingleton<TaskStore>();
        services.AddSingleton<ITaskStore>(sp => sp.GetRequiredService<TaskStore>());
        services.AddSingleton<ITaskCatalog, TaskCatalog>();
        services.AddSingleton<IOutboxStore, OutboxStore>();
        services.AddSingleton<IApiKeyStore, ApiKeyStore>();
        services.AddSingleton<IImportJobStore, ImportJobStore>();
        services.AddSingleton<Mail.IMailOutbox, Mail.MailOutbox>();
        services.AddSingleton<Mail.IMailQueueStore, Mail.MailQueueStore>();
        services.AddSingleton<Alerts.IAlertStore, Alerts.AlertStore>();
        services.AddSingleton<Collections.ICollectionStore, Collections.CollectionStore>();
        Inquiries.InquiryServices.AddRegistryInquiries(services);
        services.AddSingleton<Feedback.IFeedbackStore, Feedback.FeedbackStore>();
        services.AddOptions<Feedback.FeedbackOptions>().BindConfiguration(Feedback.FeedbackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Feedback.FeedbackOptions>, Feedback.FeedbackOptionsValidator>();
        services.AddSingleton<Webhooks.IWebhookStore, Webhooks.WebhookStore>();
        services.AddSingleton<Leases.IWorkerLeaseStore, Leases.WorkerLeaseStore>();
        services.AddSingleton<Forms.IFormTokenStore, Forms.FormTokenStore>();
        services.AddSingleton<RegistryStoreHealthCheck>();
        services.AddRegistryCatalog();
        return services;
    }

    /// <summary>
    /// Applies pending migrations (creating the SQLite data directory and switching it to WAL), then creates the
    /// bootstrap admin key when one is configured and no key exists yet.
    /// </summary>
    public static async Task InitializeRegistryDataAsync(this IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<RegistryDataOptions>>().Value;
        if (options.Database.ProviderKind == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(options.DataDirectoryFullPath);
            Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteFileFullPath)!);
        }

        var factory = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while a write commits; the mode is stored in the file, so once is enough.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }

        if (options.Auth.BootstrapAdminKey is { } key && !string.IsNullOrWhiteSpace(key))
        {
            await services.GetRequiredService<IApiKeyStore>().BootstrapAsync("bootstrap-admin", ApiRole.Admin, key.Trim(), ct);
        }
    }

    /// <summary>The store's readiness check (the database answers, no migration pending), for <c>/health/ready</c>.</summary>
    public static IHealthChecksBuilder AddRegistryStoreCheck(this IHealthChecksBuilder builder, string name, IEnumerable<string> tags) =>
        builder.AddCheck<RegistryStoreHealthCheck>(name, tags: tags);
}
