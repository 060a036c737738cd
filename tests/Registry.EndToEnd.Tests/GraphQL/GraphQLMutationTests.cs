using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Abstractions;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>Curator mutations: same key rules, validation and state-secret refusal as REST.</summary>
public sealed class GraphQLMutationTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private const string Create = "mutation($input: TaskInput!) { createTask(input: $input) { outcome message version task { id code visibility } } }";

    private static object Input(string code, string classification = "none") => new
    {
        code,
        title = "Nghiên cứu ứng dụng IoT trong quản lý vùng chè Thanh Sơn",
        kind = "researchProject",
        level = "provincial",
        fields = new[] { "401" },
        keywords = new[] { "chè", "IoT" },
        status = "inProgress",
        securityClassification = classification,
        managingAgency = "Sở Khoa học và Công nghệ tỉnh Phú Thọ",
        hostOrganization = new { name = "Trường Đại học Hùng Vương", type = "university", province = "Phú Thọ" },
        principalInvestigator = new { name = "Lê Văn Cường", academicTitle = "PGS.TS.", role = "Chủ nhiệm", email = "cuong@bimat.example.vn" },
        startDate = "2025-01-01",
        endDate = "2026-12-31",
        budget = new { totalVnd = 2_000_000_000L, stateBudgetVnd = 1_500_000_000L },
        outputs = new[] { new { type = "software", title = "Phần mềm giám sát vùng chè", transferable = true } },
    };

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_key_mutations_are_UNAUTHENTICATED_and_nothing_is_written()
    {
        var code = "ĐT-GQL-" + Guid.NewGuid().ToString("N")[..8];
        var anonymous = await GraphQLApiFactory.PostAsync(factory.Anonymous(), Create, new { input = Input(code) });
        var wrongKey = await GraphQLApiFactory.PostAsync(factory.WithKey("rk_not_a_real_key_000000000000"), Create, new { input = Input(code) });

        Assert.Equal("UNAUTHENTICATED", CodeOf(anonymous.Json));
        Assert.Equal("UNAUTHENTICATED", CodeOf(wrongKey.Json));
        Assert.Contains("X-Api-Key", anonymous.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Null(await factory.Services.GetRequiredService<ITaskStore>().FindByCodeAsync(code));
    }

    [Fact]
    public async Task A_curator_creates_updates_publishes_and_withdraws_with_versions()
    {
        var curator = await factory.CuratorAsync();
        var code = "ĐT-GQL-" + Guid.NewGuid().ToString("N")[..8];
        var created = Data(await GraphQLApiFactory.PostAsync(curator, Create, new { input = Input(code) }), "createTask");
        Assert.Equal("created", created.GetProperty("outcome").GetString());
        Assert.Equal("draft", created.GetProperty("task").GetProperty("visibility").GetString());
        var id = created.GetProperty("task").GetProperty("id").GetString()!;
        var version = created.GetProperty("version").GetInt64();

        const string update = "mutation($id: ID!, $input: TaskInput!, $v: Long!) { updateTask(id: $id, input: $input, expectedVersion: $v) { outcome version } }";
        var stale = await GraphQLApiFactory.PostAsync(curator, update, new { id, input = Input(code), v = version + 5 });
        Assert.Equal("VERSION_MISMATCH", CodeOf(stale.Json));
        Assert.Equal(version, stale.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentVersion").GetInt64());
        var same = Data(await GraphQLApiFactory.PostAsync(curator, update, new { id, input = Input(code), v = version }), "updateTask");
        Assert.Equal("unchanged", same.GetProperty("outcome").GetString());

        var published = Data(await GraphQLApiFactory.PostAsync(curator, "mutation($id: ID!) { publishTask(id: $id) { outcome task { visibility } } }", new { id }), "publishTask");
        Assert.Equal("published", published.GetProperty("task").GetProperty("visibility").GetString());

        var noReason = await GraphQLApiFactory.PostAsync(curator, "mutation($id: ID!) { withdrawTask(id: $id, reason: \" \") { outcome } }", new { id });
        Assert.Equal("VALIDATION", CodeOf(noReason.Json));
        var withdrawn = Data(await GraphQLApiFactory.PostAsync(curator, "mutation($id: ID!) { withdrawTask(id: $id, reason: \"Sai sót\") { outcome } }", new { id }), "withdrawTask");
        Assert.Equal("withdrawn", withdrawn.GetProperty("outcome").GetString());

        var missing = await GraphQLApiFactory.PostAsync(curator, "mutation { publishTask(id: \"t000000000000\") { outcome } }");
        Assert.Equal("NOT_FOUND", CodeOf(missing.Json));
    }

    [Fact]
    public async Task Invalid_input_is_VALIDATION_with_field_paths()
    {
        var curator = await factory.CuratorAsync();
        var input = JsonSerializer.SerializeToNode(Input("ĐT-GQL-" + Guid.NewGuid().ToString("N")[..8]))!.AsObject();
        input["title"] = null;
        input["budget"] = JsonSerializer.SerializeToNode(new { totalVnd = 1_000L, stateBudgetVnd = 5_000L });

        var (status, _, json) = await GraphQLApiFactory.PostAsync(curator, Create, new { input });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("VALIDATION", CodeOf(json));
        var paths = json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("fields").EnumerateArray()
            .Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Contains("input.title", paths);
        Assert.Contains(paths, p => p!.StartsWith("input.budget", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("confidential")]
    [InlineData("secret")]
    [InlineData("topSecret")]
    public async Task A_state_secret_is_refused_nothing_is_stored_or_echoed(string classification)
    {
        var curator = await factory.CuratorAsync();
        var code = "MAT-GQL-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body, json) = await GraphQLApiFactory.PostAsync(curator, Create, new { input = Input(code, classification) });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("STATE_SECRET", CodeOf(json));
        Assert.DoesNotContain(code, body);
        Assert.DoesNotContain("Thanh Sơn", body);
        Assert.DoesNotContain("bimat", body);
        Assert.Null(await factory.Services.GetRequiredService<ITaskStore>().FindByCodeAsync(code));
        Assert.DoesNotContain(factory.Logs.Lines, m => m.Contains(code) || m.Contains("Thanh Sơn"));
    }

    private static string? CodeOf(JsonElement json) =>
        json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private static JsonElement Data((HttpStatusCode Status, string Body, JsonElement Json) answer, string field)
    {
        Assert.True(!answer.Body.Contains("\"errors\""), answer.Body);
        return answer.Json.GetProperty("data").GetProperty(field);
    }
}
