using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Search.Model;

namespace Registry.EndToEnd.Tests.Surface;

/// <summary>The host whose engine fails on demand: on the first page, or on any later one.</summary>
public sealed class FailingEngineFactory : RegistryApiFactory
{
    public volatile bool FailFirstPage;
    public volatile bool FailLaterPages;

    protected override void ConfigureServices(IServiceCollection services)
    {
        var engine = services.Last(d => d.ServiceType == typeof(ISearchIndex));
        services.Remove(engine);
        services.Add(new ServiceDescriptor(typeof(ISearchIndex), sp => new Failing(
            (ISearchIndex)(engine.ImplementationInstance ?? engine.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, engine.ImplementationType!)),
            this), engine.Lifetime));
    }

    private sealed class Failing(ISearchIndex inner, FailingEngineFactory switches) : ISearchIndex
    {
        public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) =>
            (request.Cursor is null ? switches.FailFirstPage : switches.FailLaterPages)
                ? throw new InvalidOperationException("engine down")
                : inner.SearchAsync(request, ct);

        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default) => inner.SuggestAsync(prefix, max, ct);
        public Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default) => inner.RelatedAsync(id, max, ct);
        public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);
        public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) => inner.UpsertAsync(records, ct);
        public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => inner.RemoveAsync(ids, ct);
        public Task ResetAsync(CancellationToken ct = default) => inner.ResetAsync(ct);
        public Task FlushAsync(CancellationToken ct = default) => inner.FlushAsync(ct);
        public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);
    }
}

/// <summary>An export never ends as a complete-looking 200 when it could not be finished.</summary>
public sealed class ExportAbortTests(FailingEngineFactory factory) : IClassFixture<FailingEngineFactory>
{
    private async Task SeedMoreThanOnePageAsync()
    {
        var rows = Enumerable.Range(0, SearchRequest.MaxPageSize + 20)
            .Select(i => new TaskRecordBuilder().With(r => r with { Visibility = Visibility.Published }).Build())
            .Select((r, i) => new ImportCandidate(i + 1, r.Code, r, [])).ToList();
        var outcome = await factory.Services.GetRequiredService<ITaskStore>().UpsertBatchAsync(rows, new ImportOptions(), Actor.Seeder);
        Assert.True(outcome.Committed);
        var outbox = factory.Services.GetRequiredService<IOutboxStore>();
        for (var i = 0; i < 400 && await outbox.PendingCountAsync() > 0; i++) await Task.Delay(50);
    }

    [Theory]
    [InlineData("/api/v1/tasks/export.csv")]
    [InlineData("/api/v1/tasks/export.jsonl")]
    public async Task A_failure_after_the_first_page_aborts_the_download_and_one_before_it_is_a_problem(string url)
    {
        await SeedMoreThanOnePageAsync();
        var client = factory.Anonymous();
        try
        {
            factory.FailLaterPages = true;
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                await response.Content.ReadAsByteArrayAsync();
            });
            factory.FailLaterPages = false;
            factory.FailFirstPage = true;
            var refused = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            (factory.FailFirstPage, factory.FailLaterPages) = (false, false);
        }
    }
}
