using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Abstractions;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>A true bug answers a generic 500 problem: no stack trace, no exception message.</summary>
public sealed class ServerErrorTests(ServerErrorTests.BrokenStoreFactory factory) : IClassFixture<ServerErrorTests.BrokenStoreFactory>
{
    public sealed class BrokenStoreFactory : RegistryApiFactory
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<ITaskStore>(new BrokenStore());
    }

    [Fact]
    public async Task Unexpected_exception_is_a_generic_500_problem()
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/tasks/anything");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal");
        var text = problem.ToString();
        Assert.DoesNotContain("disk on fire", text);
        Assert.DoesNotContain("BrokenStore", text);
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.Contains(factory.Logs.Lines, l => l.Contains("InvalidOperationException"));
        // An exception's message may quote row values (personal data): only its type and stack are logged.
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains("disk on fire"));
    }

    private sealed class BrokenStore : ITaskStore
    {
        private static Exception Boom() => new InvalidOperationException("disk on fire");
        public Task<StoredTask?> FindByIdAsync(string id, CancellationToken ct = default) => throw Boom();
        public Task<StoredTask?> FindByCodeAsync(string code, CancellationToken ct = default) => throw Boom();
        public Task<IReadOnlyList<StoredTask>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => throw Boom();
        public Task<TaskPage> ListPublishedAsync(string? cursor, int pageSize, CancellationToken ct = default) => throw Boom();
        public Task<WriteResult> CreateAsync(Registry.Data.Records.TaskRecord record, Actor actor, CancellationToken ct = default) => throw Boom();
        public Task<WriteResult> UpdateAsync(string id, Registry.Data.Records.TaskRecord record, long? expectedVersion, Actor actor, CancellationToken ct = default) => throw Boom();
        public Task<WriteResult> SetVisibilityAsync(string id, Registry.Data.Records.Visibility visibility, string? reason, long? expectedVersion, Actor actor, CancellationToken ct = default) => throw Boom();
        public Task<BatchOutcome> UpsertBatchAsync(IReadOnlyList<ImportCandidate> rows, ImportOptions options, Actor actor, CancellationToken ct = default) => throw Boom();
        public Task<bool> ImportAsync(ImportRun run, ImportOptions options, Func<IImportSession, CancellationToken, Task<ImportTotals?>> pass,
            CancellationToken ct = default) => throw Boom();
    }
}
