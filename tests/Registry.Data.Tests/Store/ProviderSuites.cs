using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Store;

// Each suite runs on a fresh SQLite database per class, and again on a live SQL Server when REGISTRY_TEST_SQLSERVER
// is set (reported as skipped, with the reason, otherwise). The SQL Server suites share one database, so they run
// one after another in a single collection.

public sealed class SqliteTaskStoreTests(SqliteHarness store) : TaskStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteBatchTests(SqliteHarness store) : BatchContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteOutboxTests(SqliteHarness store) : OutboxContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteApiKeyTests(SqliteHarness store) : ApiKeyContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerTaskStoreTests(SqlServerHarness store) : TaskStoreContract(store), IClassFixture<SqlServerHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerBatchTests(SqlServerHarness store) : BatchContract(store), IClassFixture<SqlServerHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerOutboxTests(SqlServerHarness store) : OutboxContract(store), IClassFixture<SqlServerHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerApiKeyTests(SqlServerHarness store) : ApiKeyContract(store), IClassFixture<SqlServerHarness>;

public sealed class SqlitePublicCatalogTests(SqliteHarness store) : Catalog.PublicCatalogContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerPublicCatalogTests(SqlServerHarness store) : Catalog.PublicCatalogContract(store), IClassFixture<SqlServerHarness>;

public sealed class SqliteImportJobTests(SqliteHarness store) : ImportJobContract(store), IClassFixture<SqliteHarness>;

[RequiresSqlServer, Collection("live-sql-server")]
public sealed class SqlServerImportJobTests(SqlServerHarness store) : ImportJobContract(store), IClassFixture<SqlServerHarness>;
